"""Text that is safe to show: the key masked, and nothing a terminal, an XML parser or a
Markdown renderer would act on.

What came from the server (bodies, reason phrases, messages quoting them) may hold terminal
escape sequences, characters XML 1.0 forbids, lone surrogates, bidirectional overrides or
bytes that are not UTF-8. `visible` spells every such character as a backslash escape
(`\\x1b`, `\\u202e`, `\\n`), so the text fits on one line, means nothing to a terminal and
is a valid XML 1.0 character sequence. `safe_text` masks the key before and after (an escape
written here could spell a key that holds backslashes).
"""

from __future__ import annotations

import functools
import re
import unicodedata

from contract_tests.masking import mask_secret

__all__ = ["decode", "excerpt", "is_visible", "safe_text", "visible"]

# Categories never shown as they are: controls, format characters (bidi overrides, zero
# widths, the BOM), surrogates, and the line and paragraph separators.
_HIDDEN_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})
_NAMED_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
_NOT_PRINTABLE_ASCII = re.compile(r"[^\x20-\x7e]")


@functools.lru_cache(maxsize=4096)
def is_visible(char: str) -> bool:
    """Whether `char` may be shown as it is (to a terminal, in XML 1.0, in Markdown)."""
    code = ord(char)
    if 0x20 <= code < 0x7F:
        return True
    if 0xFDD0 <= code <= 0xFDEF or (code & 0xFFFE) == 0xFFFE:  # noncharacters (U+FFFE ...)
        return False
    return unicodedata.category(char) not in _HIDDEN_CATEGORIES


def _escape(char: str) -> str:
    code = ord(char)
    if char in _NAMED_ESCAPES:
        return _NAMED_ESCAPES[char]
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def _shown(hit: re.Match[str]) -> str:
    char = hit[0]
    return char if is_visible(char) else _escape(char)


def visible(text: str) -> str:
    """`text` on one line, every character that is not safe to show spelled as an escape."""
    return _NOT_PRINTABLE_ASCII.sub(_shown, text)


def safe_text(text: str, secret: str) -> str:
    """`text` masked and neutralised: fit for a terminal, a log, an XML or Markdown file."""
    return mask_secret(visible(mask_secret(text, secret)), secret)


def decode(data: bytes) -> str:
    """Bytes as text: UTF-8, any other byte kept as a visible `\\xHH`."""
    return data.decode("utf-8", "backslashreplace")


def excerpt(text: str, limit: int) -> str:
    """At most `limit` characters of `text`, saying how much was left out."""
    if len(text) <= limit:
        return text
    return f"{text[:limit]} ... ({len(text) - limit} more characters)"
