"""Keep the API key out of everything the suite prints or writes."""

from __future__ import annotations

import functools
import json
import re
import shlex
from collections.abc import Mapping
from urllib.parse import quote, quote_plus

MASK = "***"
KEY_ENVIRONMENT_VARIABLE = "RETELL_API_KEY"


# Masks to choose from: the first sharing no character with the key (or its encodings) is
# used, so a mask can never join the text around it into a new occurrence of the key.
MASK_CANDIDATES = (MASK, "###", "~~~", "^^^", "|||", "\u2022\u2022\u2022", "\u2588\u2588\u2588")
# Below this length a key also occurs in unrelated text, which masking then garbles: it is
# still masked (a leak is worse than a garbled line), and the tests pin that this is safe.
SHORT_KEY_CHARS = 8


def secret_forms(secret: str) -> tuple[str, ...]:
    """The key as it may appear in output: as is, JSON-escaped (a server echoing it in a JSON
    string), and URL-encoded (in a query string or a form body). Longest first."""
    if not secret:
        return ()
    json_forms = {json.dumps(secret)[1:-1], json.dumps(secret, ensure_ascii=False)[1:-1]}
    json_forms |= {form.replace("/", "\\/") for form in json_forms}
    url_forms = {quote(secret, safe=""), quote(secret), quote_plus(secret)}
    forms = {secret} | json_forms | url_forms
    return tuple(sorted(forms, key=lambda form: (-len(form), form)))


@functools.lru_cache(maxsize=16)
def _masking(secret: str) -> tuple[re.Pattern[str], str]:
    forms = secret_forms(secret)
    used = set("".join(forms))
    mask = next(
        (candidate for candidate in MASK_CANDIDATES if not used & set(candidate)),
        "\N{REPLACEMENT CHARACTER}" * 3,
    )
    # percent-escapes match in either case (%2F and %2f are the same byte)
    parts = [
        re.sub(
            r"%([0-9A-F])([0-9A-F])",
            lambda hit: f"%[{hit[1]}{hit[1].lower()}][{hit[2]}{hit[2].lower()}]",
            re.escape(form),
        )
        for form in forms
    ]
    return re.compile("|".join(parts)), mask


def mask_secret(text: str, secret: str) -> str:
    """`text` with every occurrence of `secret`, in any of its forms, replaced by a mask."""
    if not secret:
        return text
    pattern, mask = _masking(secret)
    return pattern.sub(mask, text)


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
