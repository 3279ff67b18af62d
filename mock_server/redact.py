"""Keep the API key out of what the mock writes: error messages and log lines.

Error messages and the access log repeat what the client sent (a path, a query, a field's
name or value); a client that sent its key there must not read it back, nor find it in a log.
The key is found as sent and in every percent-encoding of it (upper- or lower-case hex, each
character encoded or not), which is how a URL carries it.
"""

from __future__ import annotations

import logging
import re

__all__ = ["REDACTED", "RedactingFilter", "Redactor"]

REDACTED = "[redacted]"


class Redactor:
    """Replaces the key, in any of the forms above, with `[redacted]`."""

    def __init__(self, key: str) -> None:
        if not key:
            raise ValueError("the key to redact must not be empty")
        self._pattern = re.compile("".join(_any_form(char) for char in key))

    def __call__(self, text: str) -> str:
        return self._pattern.sub(REDACTED, text)

    def __repr__(self) -> str:  # never the key, not even in a debugger
        return "Redactor(...)"


def _any_form(char: str) -> str:
    """A pattern for one character: itself, or its UTF-8 bytes percent-encoded."""
    encoded = "".join(f"%(?i:{byte:02x})" for byte in char.encode("utf-8", "surrogatepass"))
    return f"(?:{re.escape(char)}|{encoded})"


class RedactingFilter(logging.Filter):
    """A logging filter that redacts the key from a record's message and traceback."""

    def __init__(self, redact: Redactor) -> None:
        super().__init__()
        self._redact = redact

    def filter(self, record: logging.LogRecord) -> bool:
        # the arguments one by one: formatters such as uvicorn's access one read them
        if isinstance(record.msg, str):
            record.msg = self._redact(record.msg)
        if isinstance(record.args, tuple):
            record.args = tuple(self._redact(a) if isinstance(a, str) else a for a in record.args)
        if record.exc_info and not record.exc_text:
            record.exc_text = self._redact(logging.Formatter().formatException(record.exc_info))
        return True
