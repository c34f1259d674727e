"""The OASIS Akoma Ntoso 3.0 schema, loaded offline from the copy shipped in ``unres/schemas``.

:func:`validator` compiles the strict ``akomantoso30.xsd`` once per process
(about 0.2 s) and returns the cached :class:`lxml.etree.XMLSchema`; the schema
imports ``./xml.xsd`` beside it, which is resolved from the file path, never
over the network. :func:`validate` checks a document and returns the
schema's error messages (an empty list when the document is valid). See
``schemas/NOTICE.txt`` for the provenance and licence of the schema files.
"""

from __future__ import annotations

import threading
from functools import cache
from importlib.resources import as_file, files

import regex
from lxml import etree

SCHEMA_FILE = "akomantoso30.xsd"

_LOCK = threading.Lock()
"""Validation writes the schema's error log: one document at a time per process."""

_LOG_LINE = regex.compile(r"^.*?:(?P<line>\d+):\d+:\w+:\w+:\w+: (?P<message>.*)$")


@cache
def validator() -> etree.XMLSchema:
    """The compiled strict AKN 3.0 schema (built on first use, then shared; it is read-only)."""
    resource = files("unres") / "schemas" / SCHEMA_FILE
    with as_file(resource) as path:
        parser = etree.XMLParser(no_network=True, resolve_entities=False, load_dtd=False)
        return etree.XMLSchema(etree.parse(str(path), parser))


def validate(document: bytes | etree._Element | etree._ElementTree) -> list[str]:
    """Schema errors of ``document`` as ``line N: message`` strings; empty when valid."""
    if isinstance(document, bytes):
        parser = etree.XMLParser(
            no_network=True, resolve_entities=False, load_dtd=False, huge_tree=False
        )
        document = etree.fromstring(document, parser)
    schema = validator()
    with _LOCK:
        if schema.validate(document):
            return []
        log = str(schema.error_log)
    errors: list[str] = []
    for line in log.splitlines():
        m = _LOG_LINE.match(line)
        errors.append(f"line {m['line']}: {m['message']}" if m is not None else line)
    return errors
