"""Keep the API key out of everything the suite prints or writes."""

from __future__ import annotations

import shlex
from collections.abc import Mapping

MASK = "***"
KEY_ENVIRONMENT_VARIABLE = "RETELL_API_KEY"


def mask_secret(text: str, secret: str) -> str:
    """`text` with every occurrence of `secret` replaced by a mask."""
    if not secret:
        return text
    return text.replace(secret, MASK)


def mask_headers(headers: Mapping[str, str], secret: str) -> dict[str, str]:
    return {name: mask_secret(value, secret) for name, value in headers.items()}


def shell_header(name: str, value: str, secret: str) -> str:
    """A curl `-H` argument; the key becomes `$RETELL_API_KEY`, expanded by the shell."""
    if secret and secret in value:
        prefix, _, suffix = value.partition(secret)
        inner = f"{name}: {prefix}${KEY_ENVIRONMENT_VARIABLE}{suffix}"
        escaped = inner.replace("\\", "\\\\").replace('"', '\\"').replace("`", "\\`")
        return f'-H "{escaped}"'
    return "-H " + shlex.quote(f"{name}: {mask_secret(value, secret)}")
