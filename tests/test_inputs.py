"""Bad input: clear errors, exit code 2, never a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from tests.conftest import SEED

import unres


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty input"),
        (b"   \n\t\n", "empty input"),
        (b"\x00\x01\x02binary\x00", "binary input"),
        (bytes(range(256)) * 4, "binary input"),
        (b"Hello world, this is a shopping list.\nEggs\nMilk\n", "not a resolution"),
    ],
    ids=["empty", "blank", "nul", "all-bytes", "not-a-resolution"],
)
def test_bad_bytes_raise_input_error(data: bytes, reason: str) -> None:
    with pytest.raises(unres.InputError) as caught:
        unres.parse_bytes(data)
    assert reason in str(caught.value)
    assert "\n" not in str(caught.value)


def test_encodings_are_decoded_and_recorded() -> None:
    text = SEED.read_text(encoding="utf-8")
    for encoding, expected in [
        ("utf-8-sig", "utf-8-sig"),
        ("utf-16", "utf-16-le"),
        ("utf-16-be", "utf-16-be"),
    ]:
        tree = unres.parse_bytes(text.encode(encoding))
        assert tree.metadata.encoding == expected
        assert tree.symbol == "A/RES/57/53"
    smart = text.replace('"Developments', "\u201cDevelopments").encode("cp1252")
    tree = unres.parse_bytes(smart)
    assert tree.metadata.encoding == "cp1252"
    assert "\u201cDevelopments" in tree.operative[-1].text


def test_too_large_is_refused() -> None:
    with pytest.raises(unres.InputError, match="too large"):
        unres.parse("The General Assembly,\n" * 100, max_bytes=100)


def test_missing_file() -> None:
    with pytest.raises(unres.InputError, match="cannot read"):
        unres.parse_file("/nonexistent/file.txt")


@pytest.mark.parametrize("content", [b"", b"\x00\xff\x00\xfe", b"just some words"])
def test_cli_exit_2_and_one_line(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    done = subprocess.run(
        [sys.executable, "-m", "unres", "parse", str(path)], capture_output=True, text=True
    )
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.startswith("unres: ")
    assert "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_cli_bad_usage_exit_2() -> None:
    done = subprocess.run([sys.executable, "-m", "unres", "nosuch"], capture_output=True)
    assert done.returncode == 2
