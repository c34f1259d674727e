"""Bad bytes: decoded, or refused with a clear reason; the decision recorded in the metadata."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.conftest import SEED

import unres
from unres.decode import decode_bytes

TEXT = (
    SEED.read_text(encoding="utf-8")
    .replace('"Developments', "\u201cDevelopments")
    .replace('security".', "security\u201d.")
    .replace("Member States to promote", "Member States\u2019 \u2013 to promote")
)
FRENCH = TEXT + "\nrésolution élaborée à Genève, déjà adoptée\n"


@pytest.mark.parametrize(
    ("data", "encoding", "reason"),
    [
        (TEXT.encode("utf-8"), "utf-8", "valid UTF-8"),
        (TEXT.encode("utf-8-sig"), "utf-8-sig", "byte-order mark"),
        (TEXT.encode("utf-16"), "utf-16-le", "byte-order mark"),
        (TEXT.encode("utf-16-le"), "utf-16-le", "without byte-order mark"),
        (TEXT.encode("utf-16-be"), "utf-16-be", "without byte-order mark"),
        (TEXT.encode("cp1252"), "cp1252", "read as cp1252"),
        (FRENCH.encode("cp1252"), "cp1252", "read as cp1252"),
        (TEXT.encode("mac_roman"), "mac-roman", "read as mac-roman"),
        (FRENCH.encode("mac_roman"), "mac-roman", "read as mac-roman"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-bom", "utf-16-le", "utf-16-be", "cp1252",
         "cp1252-french", "mac-roman", "mac-roman-french"],
)  # fmt: skip
def test_decoded_and_recorded(data: bytes, encoding: str, reason: str) -> None:
    tree = unres.parse_bytes(data)
    assert tree.metadata.encoding == encoding
    assert tree.metadata.decoding is not None and reason in tree.metadata.decoding
    assert tree.operative[-1].text.endswith("international security\u201d.")
    assert "\u2019 \u2013 to promote" in tree.operative[0].text


def test_utf8_with_a_stray_windows_byte() -> None:
    data = FRENCH.encode("utf-8").replace("States\u2019".encode(), b"States\x92", 1)
    data = data.replace(b"further", b"further\x81", 1)  # 0x81: undefined in cp1252 too
    done = decode_bytes(data)
    assert done.encoding == "utf-8"
    assert "2 invalid byte(s) read as cp1252" in done.reason
    assert "1 of them undefined there and replaced by U+FFFD" in done.reason
    assert "States\u2019 \u2013" in done.text and "further\ufffd" in done.text
    assert "élaborée" in done.text


def test_mostly_invalid_utf8_is_read_as_legacy() -> None:
    data = TEXT.encode("cp1252")  # its curly quotes are invalid UTF-8, nothing else is UTF-8
    assert decode_bytes(data).encoding == "cp1252"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (TEXT.encode("utf-16-le")[:-1], "length is odd"),
        (TEXT.encode("utf-16-le") + b"\x00\xdc", "invalid there"),
        (b"\xff\xfe" + b"\x00\xd8" + "abc".encode("utf-16-le"), "invalid utf-16-le after its"),
        (b"Resolution\x00adopted", "NUL byte at byte 10"),
        (b"\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f\x10" * 10, "control bytes"),
    ],
    ids=["utf-16-odd", "utf-16-lone-surrogate", "bom-then-invalid", "nul", "controls"],
)
def test_refused_with_a_reason(data: bytes, reason: str) -> None:
    with pytest.raises(unres.InputError, match=reason) as caught:
        decode_bytes(data)
    assert "\n" not in str(caught.value)


@settings(max_examples=150, deadline=None)
@given(st.binary(min_size=1, max_size=600))
def test_any_bytes_decode_or_are_refused(data: bytes) -> None:
    try:
        done = decode_bytes(data)
    except unres.InputError as err:
        assert err.reason and "\n" not in err.reason
        return
    assert isinstance(done.text, str) and done.reason
    done.text.encode("utf-8", "surrogatepass")


@settings(max_examples=100, deadline=None)
@given(st.text(min_size=1, max_size=300))
def test_json_output_is_valid_utf8(extra: str) -> None:
    """Lone surrogates and controls in the input: the JSON is still valid UTF-8 and loads."""
    text = TEXT.replace("Calls upon", f"Calls upon {extra}", 1)
    try:
        tree = unres.parse(text)
    except unres.InputError:
        return
    out = unres.to_json(tree).encode("utf-8")  # raises on a lone surrogate
    assert json.loads(out.decode("utf-8", "strict"))["operative"]


def test_cli_output_is_valid_utf8_for_a_lone_surrogate(tmp_path: Path) -> None:
    path = tmp_path / "lone.txt"
    path.write_bytes(
        TEXT.replace("Calls upon", "Calls \ud800upon").encode("utf-8", "surrogatepass")
    )
    done = subprocess.run(
        [sys.executable, "-m", "unres", "parse", str(path)], capture_output=True, check=True
    )
    data = json.loads(done.stdout.decode("utf-8", "strict"))
    assert data["metadata"]["encoding"] == "utf-8"
    assert "invalid byte" in data["metadata"]["decoding"]
