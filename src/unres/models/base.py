"""Shared pieces of the tree: the span type and the base node configuration.

A span is a half-open ``[start, end)`` pair of offsets into the original
decoded text, serialised as a two-element JSON array. Every node is frozen and
forbids unknown fields, so a tree read back from JSON is checked as strictly as
one built by the parser.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import Annotated, Any, TypeVar, cast

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, NonNegativeInt
from pydantic_core import PydanticSerializationError


def _ordered(span: tuple[int, int]) -> tuple[int, int]:
    if span[0] > span[1]:
        raise ValueError(f"span start {span[0]} is after its end {span[1]}")
    return span


Span = Annotated[tuple[NonNegativeInt, NonNegativeInt], AfterValidator(_ordered)]
"""``(start, end)`` offsets into the original text, ``start <= end``."""


class Model(BaseModel):
    """Base of every model: immutable, strict about field names."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    def model_dump_json(self, **options: Any) -> str:  # Any: pydantic's own options, passed on
        """Pydantic's JSON, or, when the text holds a lone surrogate (which UTF-8 cannot
        hold and pydantic refuses), the same data with the surrogate written as ``\\udXXX``."""
        try:
            return super().model_dump_json(**options)
        except PydanticSerializationError:
            indent = options.pop("indent", None)
            options.pop("ensure_ascii", None)
            data = self.model_dump(mode="json", **options)
            separators = (",", ":") if indent is None else (",", ": ")
            text = json.dumps(data, ensure_ascii=False, indent=indent, separators=separators)
            return text.encode("utf-8", "backslashreplace").decode("utf-8")


class Node(Model):
    """A model that covers a stretch of the source text."""

    span: Span
    page: int | None = Field(default=None, ge=1, exclude_if=lambda page: page is None)
    """The 1-based page the node starts on, for input read from a PDF; left out otherwise."""


_M = TypeVar("_M", bound=BaseModel)


def validating(model: type[_M]) -> Callable[[Mapping[str, object]], _M]:
    """A function making a validated ``model`` from a mapping of its fields.

    It is the model's own validator, the one ``model(**fields)`` and
    ``model.model_validate(fields)`` run, called without their Python wrappers:
    the same checks and the same node, about twice as fast for a small node,
    which counts where the parser makes one per clause, item and marker. Fields
    left out take their defaults, as with the constructor.
    """
    return cast(Callable[[Mapping[str, object]], _M], model.__pydantic_validator__.validate_python)
