"""Shared pieces of the tree: the span type and the base node configuration.

A span is a half-open ``[start, end)`` pair of offsets into the original
decoded text, serialised as a two-element JSON array. Every node is frozen and
forbids unknown fields, so a tree read back from JSON is checked as strictly as
one built by the parser.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, NonNegativeInt


def _ordered(span: tuple[int, int]) -> tuple[int, int]:
    if span[0] > span[1]:
        raise ValueError(f"span start {span[0]} is after its end {span[1]}")
    return span


Span = Annotated[tuple[NonNegativeInt, NonNegativeInt], AfterValidator(_ordered)]
"""``(start, end)`` offsets into the original text, ``start <= end``."""


class Model(BaseModel):
    """Base of every model: immutable, strict about field names."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class Node(Model):
    """A model that covers a stretch of the source text."""

    span: Span
