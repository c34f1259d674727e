"""The API's edges: wrong argument types, bounded reads, memory, JSON of any tree.

Wrong types raise :class:`TypeError` with one line naming the function and the argument;
bad values (a path with NUL, a device, a pipe that never ends, a folder) raise
:class:`unres.InputError` after reading at most ``max_bytes + 1`` bytes; running out of
memory is an ``InputError`` too; ``model_dump_json`` works on a tree holding a lone
surrogate, as :func:`unres.to_json` does.
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from tests.conftest import SEED

import unres
from unres.parsers import build

TEXT = "The General Assembly,\n\t1.\tDecides x;\n"


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: unres.parse(b"x"), "parse: text must be str, not bytes"),
        (lambda: unres.parse(None), "parse: text must be str, not NoneType"),
        (lambda: unres.parse(TEXT, max_bytes="9"), "parse: max_bytes must be int, not str"),
        (lambda: unres.parse(TEXT, max_lines=True), "parse: max_lines must be int, not bool"),
        (lambda: unres.parse(TEXT, encoding=1), "parse: encoding must be str or None, not int"),
        (lambda: unres.parse_bytes("x"), "parse_bytes: data must be bytes-like, not str"),
        (lambda: unres.parse_bytes(None), "parse_bytes: data must be bytes-like, not NoneType"),
        (lambda: unres.parse_file(None), "parse_file: path must be str or os.PathLike, not NoneType"),
        (lambda: unres.parse_file(3), "parse_file: path must be str or os.PathLike, not int"),
        (lambda: unres.tokenize(None), "tokenize: text must be str, not NoneType"),
        (lambda: unres.parse_many("a.txt"), "parse_many: paths must be an iterable of paths, not one str"),
        (lambda: unres.parse_many([None]), "parse_many: each path must be str or os.PathLike, not NoneType"),
        (lambda: unres.parse_many([SEED], jobs="2"), "parse_many: jobs must be an int, not str"),
    ],
)  # fmt: skip
def test_wrong_types_raise_one_line_type_errors(call: Callable[[], object], message: str) -> None:
    with pytest.raises(TypeError) as raised:
        call()
    assert str(raised.value) == message


def test_bytes_like_input_parses_as_bytes() -> None:
    data = SEED.read_bytes()
    expected = unres.parse_bytes(data)
    assert unres.parse_bytes(bytearray(data)) == expected
    assert unres.parse_bytes(memoryview(data)) == expected


def test_a_path_with_nul_is_an_input_error() -> None:
    with pytest.raises(unres.InputError, match="cannot hold a NUL character"):
        unres.parse_file("a\x00b")


def test_a_folder_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(unres.InputError, match="cannot read"):
        unres.parse_file(tmp_path)


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")
def test_an_endless_device_is_refused_after_the_limit() -> None:
    with pytest.raises(unres.InputError, match="too large: more than 4096 bytes"):
        unres.parse_file("/dev/zero", max_bytes=4096)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes")
def test_a_pipe_is_read_only_up_to_the_limit(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    written = []

    def writer() -> None:
        try:
            with open(fifo, "wb", buffering=0) as handle:
                for _ in range(1000):
                    handle.write(b"Noting x,\n" * 100)
                    written.append(1000)
        except BrokenPipeError:
            pass  # the reader has stopped

    thread = threading.Thread(target=writer)
    thread.start()
    with pytest.raises(unres.InputError, match="too large"):
        unres.parse_file(fifo, max_bytes=5000)
    thread.join(timeout=10)
    assert not thread.is_alive()
    assert sum(written) < 1000 * 1000  # the reader stopped: the writer never finished


def test_running_out_of_memory_is_an_input_error(monkeypatch: pytest.MonkeyPatch) -> None:
    def exhausted(*args: object, **kwargs: object) -> object:
        raise MemoryError

    monkeypatch.setattr(build, "build", exhausted)
    with pytest.raises(unres.InputError, match="out of memory"):
        unres.parse(TEXT)
    with pytest.raises(unres.InputError, match="out of memory"):
        unres.parse_file(SEED)


def test_model_dump_json_of_a_tree_with_a_lone_surrogate() -> None:
    tree = unres.parse("The General Assembly,\n\t1.\tDecides x\ud800 y;\n")
    compact = tree.model_dump_json()
    assert json.loads(compact)["operative"][0]["text"] == "Decides x\ud800 y;"
    compact.encode("utf-8")  # valid UTF-8: the surrogate is an escape
    assert tree.model_dump_json(indent=2) == unres.to_json(tree)
    assert json.loads(compact) == json.loads(unres.to_json(tree))


def test_model_dump_json_is_pydantics_own_otherwise() -> None:
    tree = unres.parse_file(SEED)
    assert tree.model_dump_json() == unres.Resolution.__mro__[1].model_dump_json(tree)
    assert tree.model_dump_json(indent=2) == unres.to_json(tree)
