"""The key is masked in every spelling a server may echo it in, and URL user info always."""

from __future__ import annotations

import base64
import html
import json
import quopri
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote, quote_plus

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from contract_tests.masking import (
    MASK,
    MASK_CANDIDATES,
    MIN_ENCODED_CHARS,
    SHORT_KEY_CHARS,
    mask_bytes,
    mask_secret,
    mask_truncated,
)
from contract_tests.output.sanitize import safe_text
from tests.contract.data.results import json_escaped, key_spellings

KEY = "sk_live_0123456789abcdef"
# every character class a key could hold, and one outside the BMP (a JSON surrogate pair)
ODD_KEY = 'sk/live+key "q" \\ é&<>_0123\U0001f600'


def _u(char: str, upper: bool = False) -> str:
    """`char` as JSON's \\uXXXX (a surrogate pair outside the BMP)."""
    return json_escaped(char, upper)


def test_every_occurrence_is_masked() -> None:
    assert mask_secret(f"a {KEY} b {KEY}", KEY) == f"a {MASK} b {MASK}"
    assert mask_secret("nothing to hide", "") == "nothing to hide"
    assert mask_secret("nothing to hide", KEY) == "nothing to hide"


def _lower_hex(encoded: str) -> str:
    return re.sub(r"%[0-9A-F]{2}", lambda escape: escape[0].lower(), encoded)


def _alternating_hex_case(encoded: str) -> str:
    """`%2F%2f%2F...`: the escapes of one string in both cases."""
    parts = encoded.split("%")
    return "%".join(
        [parts[0], *(p[:2].lower() + p[2:] if i % 2 else p for i, p in enumerate(parts[1:]))]
    )


FORMS: dict[str, Callable[[str], str]] = {
    "json": lambda key: json.dumps(key)[1:-1],
    "json-unicode": lambda key: json.dumps(key, ensure_ascii=False)[1:-1],
    "json-slash": lambda key: json.dumps(key)[1:-1].replace("/", "\\/"),
    "json-every-char": lambda key: "".join(_u(char) for char in key),
    "json-every-char-upper": lambda key: "".join(_u(char, upper=True) for char in key),
    "json-every-other-char": lambda key: "".join(_u(c) if i % 2 else c for i, c in enumerate(key)),
    # what Go's encoding/json writes: &, <, > as \u0026, \u003c, \u003e
    "json-go": lambda key: (
        json.dumps(key, ensure_ascii=False)[1:-1]
        .replace("&", "\\u0026")
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
    ),
    "url": lambda key: quote(key, safe=""),
    "url-lower": lambda key: _lower_hex(quote(key, safe="")),
    "url-slash-kept": lambda key: quote(key),
    "url-plus": lambda key: quote_plus(key),
    "url-mixed-case": lambda key: _alternating_hex_case(quote(key, safe="")),
    # JSON-escaped URL encoding: a URL put into a JSON string by an escaping encoder
    "json-of-url": lambda key: "".join(_u(char) for char in quote(key, safe="")),
    "json-upper-of-url-plus": lambda key: "".join(_u(c, upper=True) for c in quote_plus(key)),
    "json-dumps-of-url": lambda key: json.dumps(quote(key, safe=""))[1:-1],
    # a JSON escape URL-encoded (a JSON string put into a query), and double encoding
    "url-of-json": lambda key: quote(json.dumps(key)[1:-1], safe=""),
    "url-twice": lambda key: quote(quote(key, safe=""), safe=""),
    # HTML/XML character references (an error page echoing it)
    "html": lambda key: html.escape(key),
    "html-decimal": lambda key: "".join(f"&#{ord(char)};" for char in key),
    "html-hex": lambda key: "".join(f"&#x{ord(char):X};" for char in key),
}


@pytest.mark.parametrize("key", [KEY, ODD_KEY], ids=["plain-key", "odd-key"])
@pytest.mark.parametrize("form", FORMS.values(), ids=FORMS.keys())
def test_every_spelling_is_masked(key: str, form: Callable[[str], str]) -> None:
    spelled = form(key)
    masked = mask_secret(f"before {spelled} after", key)
    assert masked == f"before {MASK} after", spelled
    assert mask_secret(masked, key) == masked


def test_a_key_echoed_in_a_json_document_is_masked_and_the_document_stays_json() -> None:
    echoed = json.dumps({"authorization": f"Bearer {ODD_KEY}", "list": key_spellings(ODD_KEY)})
    masked = json.loads(mask_secret(echoed, ODD_KEY))
    assert masked["authorization"] == f"Bearer {MASK}"
    assert set(masked["list"]) == {MASK}


def _spell(key: str, choices: list[int]) -> str:
    """The key with each character spelled one of several ways (mixed in one key)."""
    spellings: list[Callable[[str], str]] = [
        lambda char: char,
        lambda char: _u(char),
        lambda char: _u(char, upper=True),
        lambda char: quote(char, safe=""),
        lambda char: _lower_hex(quote(char, safe="")),
        lambda char: "".join(_u(c) for c in quote(char, safe="")),
        lambda char: f"&#{ord(char)};",
        lambda char: f"&#x{ord(char):x};",
    ]
    chosen = zip(key, choices[: len(key)], strict=True)
    return "".join(spellings[choice % len(spellings)](char) for char, choice in chosen)


KEY_CHARS = st.characters(exclude_categories=["Cs"], exclude_characters="\u2603")


@settings(max_examples=120, deadline=None)
@given(
    key=st.text(KEY_CHARS, min_size=SHORT_KEY_CHARS, max_size=24),
    choices=st.lists(st.integers(0, 7), min_size=24, max_size=24),
)
def test_mixed_spellings_of_any_key_are_masked(key: str, choices: list[int]) -> None:
    masked = mask_secret(f"\u2603{_spell(key, choices)}\u2603", key)
    assert masked[0] == masked[-1] == "\u2603"
    assert masked[1:-1] in MASK_CANDIDATES
    assert not set(masked[1:-1]) & set(key)  # a mask never joins the text into a new key
    assert mask_secret(masked, key) == masked


@pytest.mark.parametrize(
    "url",
    [
        "http://user:{key}@127.0.0.1:9/v2",
        "https://{key}@api.example/x",
        "http://{key}:@host",
        "http:\\/\\/admin:{key}@host\\/path",  # JSON-escaped
        "see HTTPS://u%40x:{key}@h.example now",
    ],
)
def test_url_user_info_is_masked_whatever_the_key(url: str) -> None:
    text = url.format(key="pa55word-in-url")
    for secret in ("", KEY):
        masked = mask_secret(text, secret)
        assert "pa55word" not in masked
        assert f"{MASK}@" in masked
    refusal = f"contract_tests: usage error: --base-url {url.format(key=KEY)} \x1b[2J"
    line = safe_text(refusal, "")
    assert KEY not in line
    assert "pa55word" not in line
    assert "\x1b" not in line


def test_urls_without_user_info_are_left_alone() -> None:
    text = "http://127.0.0.1:9/v2/create-phone-call?x=a@b and mail@example.com"
    assert mask_secret(text, KEY) == text


def test_a_key_cut_off_at_the_end_of_kept_text_is_masked() -> None:
    for cut in (1, 5, len(KEY) - 1):
        assert mask_truncated(f"echo: {KEY[:cut]}", KEY) == f"echo: {MASK}"
        escaped = "".join(_u(char) for char in KEY[:cut])
        assert mask_truncated(f"echo: {escaped}", KEY) == f"echo: {MASK}"
    assert mask_truncated(f"{KEY} then x", KEY) == f"{MASK} then x"
    assert mask_truncated("nothing of it", KEY) == "nothing of it"


def test_bytes_are_masked_and_other_bytes_kept_exactly() -> None:
    data = b"\xff\x00" + KEY.encode() + b"\xc0\x80" + quote(KEY).encode() + b"\xfe"
    assert (
        mask_bytes(data, KEY) == b"\xff\x00" + MASK.encode() + b"\xc0\x80" + MASK.encode() + b"\xfe"
    )
    raw = bytes(range(256))
    assert mask_bytes(raw, KEY) == raw


@pytest.mark.parametrize("key", ["ab", "a", "k3y", "*x", "***", "%2F", "+ +", "é", "\\u"])
def test_short_keys_are_still_masked_and_masking_stays_correct(key: str) -> None:
    texts = [
        f"{key}",
        f"{key}{key}{key}",
        f"x{key}y{key[::-1]}z",
        f"Bearer {key} in about a tab of text",
        json.dumps({"k": key}),
        f"?key={quote(key, safe='')}",
    ]
    for text in texts:
        masked = mask_secret(text, key)
        for spelled in key_spellings(key):
            assert spelled not in masked, (text, masked)
        # masking twice changes nothing more
        assert mask_secret(masked, key) == masked
    assert mask_secret("nothing here", "zq") == "nothing here"
    assert len(key) < SHORT_KEY_CHARS


def test_near_misses_of_a_long_key_are_read_in_linear_time() -> None:
    """Each text below is a spelling of the key but its last character: a pattern that could
    read one spelling two ways backtracks exponentially on it (2**40 tries: it never ends).
    Run in a child process with a timeout thousands of times what it takes, so a regression
    fails instead of hanging the suite."""
    key = "sk_live_" + "0123456789abcdef" * 2
    code = f"""
import json
import quopri
from urllib.parse import quote
from contract_tests.masking import mask_secret
from tests.contract.data.results import json_escaped, key_spellings
key = {key!r}
near = key[:-1] + "Z"
texts = key_spellings(near) + [json.dumps(json.dumps(near)), json.dumps(json_escaped(near))]
texts += [quote(json_escaped(near)), json_escaped(quote(quote(near, safe=""), safe=""))]
for text in texts:
    # (the raw near miss is the key cut short by one character: masked as such, which is
    # fine; what is tested is that every text is read in linear time)
    masked = mask_secret(text * 20, key)
    assert mask_secret(masked, key) == masked
print("ok")
"""
    ran = subprocess.run(
        [sys.executable, "-c", code],
        cwd=Path(__file__).parents[2],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert ran.stdout.strip() == "ok", ran.stderr


# ---------------------------------------------------------------------------------------------
# Binary-to-text encodings of the key, at every alignment inside a larger encoded stream.

ATTACK_KEY = "k3y+/&<>\"'$x9Zq"
LONG_KEY = "sk_live_51HfT9xQ2bZ7vKp0LmN3rS8wY4cJ6dE1aG5hU9iO2pR7tW0yB3nM6kV"
ENCODED_KEYS = [KEY, ATTACK_KEY, LONG_KEY, ODD_KEY]
ENCODED_KEY_IDS = ["plain-key", "attack-key", "long-key", "odd-key"]


def _no_padding(encoded: bytes) -> str:
    return encoded.decode().rstrip("=")


# name -> (bits per character, encoder of a byte stream); each is run at every byte offset
BASE_N: dict[str, tuple[int, Callable[[bytes], str]]] = {
    "base64": (6, lambda data: base64.b64encode(data).decode()),
    "base64-no-padding": (6, lambda data: _no_padding(base64.b64encode(data))),
    "base64-url-safe": (6, lambda data: base64.urlsafe_b64encode(data).decode()),
    "base64-url-safe-no-padding": (6, lambda data: _no_padding(base64.urlsafe_b64encode(data))),
    "base32": (5, lambda data: base64.b32encode(data).decode()),
    "base32-lower-no-padding": (5, lambda data: _no_padding(base64.b32encode(data)).lower()),
}


def _determined(encoded: str, bits: int, before: int, key_bytes: int) -> str:
    """The characters of `encoded` (a stream with the key's bytes after `before` bytes) that
    the key's bits alone determine."""
    first, last = -(-8 * before // bits), 8 * (before + key_bytes) // bits
    return encoded[first:last]


def _assert_masked(text: str, key: str, leaked: str) -> str:
    masked = mask_secret(text, key)
    assert leaked not in masked, (text, masked)
    assert MASK in masked
    assert mask_secret(masked, key) == masked  # idempotent
    return masked


@pytest.mark.parametrize("key", ENCODED_KEYS, ids=ENCODED_KEY_IDS)
@pytest.mark.parametrize("encoding", BASE_N, ids=BASE_N.keys())
def test_base_n_encodings_of_the_key_are_masked_at_every_alignment(key: str, encoding: str) -> None:
    bits, encode = BASE_N[encoding]
    data = key.encode()
    for prefix in (b"", b"B", b"Be", b"Bea", b"Bear", b"Bearer ", b"user:"):
        for suffix in (b"", b"!", b" and more"):
            encoded = encode(prefix + data + suffix)
            core = _determined(encoded, bits, len(prefix), len(data))
            masked = _assert_masked(f"before {encoded} after", key, core)
            assert masked.endswith(" after")
            # what the key does not touch stays: the characters of the prefix alone
            assert masked.startswith(f"before {encoded[: 8 * len(prefix) // bits]}")
            document = json.loads(_assert_masked(json.dumps({"echo": encoded}), key, core))
            assert MASK in document["echo"]


@pytest.mark.parametrize("key", ENCODED_KEYS, ids=ENCODED_KEY_IDS)
def test_base64_of_the_bearer_header_is_masked(key: str) -> None:
    header = base64.b64encode(f"Bearer {key}".encode()).decode()
    padding = header[len(header.rstrip("=")) :]  # carries no bit of the key: kept
    # "Bearer" and the space's high bits are its first 9 characters: kept too
    assert mask_secret(f"auth={header};", key) == f"auth={header[:9]}{MASK}{padding};"


def _wrapped_and_spelled(encoded: str) -> list[str]:
    """`encoded` as text layers write it: wrapped (MIME), in JSON, in a URL."""
    wrapped = "\r\n".join(encoded[i : i + 7] for i in range(0, len(encoded), 7))
    return [
        wrapped,
        wrapped.replace("\r\n", "\n"),
        json.dumps(wrapped)[1:-1],
        encoded.replace("/", "\\/"),  # a JSON encoder escaping slashes
        quote(encoded, safe=""),  # in a query string
        "".join(_u(char) if char in "+/" else char for char in encoded),
    ]


@pytest.mark.parametrize("key", [ATTACK_KEY, LONG_KEY], ids=["attack-key", "long-key"])
def test_base64_wrapped_or_escaped_by_a_text_layer_is_masked(key: str) -> None:
    data = key.encode()
    for prefix in (b"", b"x", b"xy"):
        encoded = base64.b64encode(prefix + data + b"tail").decode()
        core = _determined(encoded, 6, len(prefix), len(data))
        for spelled in _wrapped_and_spelled(encoded):
            masked = _assert_masked(f"<{spelled}>", key, core)
            for piece in re.split(r"\\r\\n|\\n|\r\n|\n|%2F|%2B|\\/|\\u002f|\\u002b", masked):
                assert len(piece) < 8 or piece not in core, (spelled, masked)


HEX_FORMS: dict[str, Callable[[str], str]] = {
    "hex": lambda key: key.encode().hex(),
    "hex-upper": lambda key: key.encode().hex().upper(),
    "hex-mixed-case": lambda key: "".join(
        d.upper() if i % 3 else d for i, d in enumerate(key.encode().hex())
    ),
    "hex-utf-16-le": lambda key: key.encode("utf-16-le").hex(),
    "hex-utf-16-be-upper": lambda key: key.encode("utf-16-be").hex().upper(),
    "hex-dump": lambda key: key.encode().hex(" "),
    "hex-colons": lambda key: key.encode().hex(":").upper(),
    "hex-c-array": lambda key: ", ".join(f"0x{byte:02x}" for byte in key.encode()),
    "bytes-escapes": lambda key: "".join(f"\\x{byte:02x}" for byte in key.encode()),
    "quoted-printable-every-byte": lambda key: "".join(f"={byte:02X}" for byte in key.encode()),
    "quoted-printable-every-byte-lower": lambda key: "".join(
        f"={byte:02x}" for byte in key.encode()
    ),
    "quoted-printable": lambda key: quopri.encodestring(key.encode()).decode(),
    "quoted-printable-header": lambda key: quopri.encodestring(key.encode(), header=True).decode(),
    "quoted-printable-soft-breaks": lambda key: "=\r\n".join(
        f"={byte:02X}" for byte in key.encode()
    ),
    "bytes-repr": lambda key: repr(key.encode())[2:-1],
}


@pytest.mark.parametrize("key", ENCODED_KEYS, ids=ENCODED_KEY_IDS)
@pytest.mark.parametrize("form", HEX_FORMS.values(), ids=HEX_FORMS.keys())
def test_hex_and_quoted_printable_forms_of_the_key_are_masked(
    key: str, form: Callable[[str], str]
) -> None:
    if form is HEX_FORMS["bytes-repr"]:
        key = key.replace("\\", "")  # a limit: a repr's `\\\\` for a backslash is not read
    spelled = form(key)
    kept = "0x" if spelled.startswith("0x") else ""  # the first byte's prefix: not the key
    body = spelled[len(kept) :]
    texts = {
        f"before {spelled} after": f"before {kept}{MASK} after",
        f"x={spelled};": f"x={kept}{MASK};",
        json.dumps({"echo": spelled}): json.dumps({"echo": kept + MASK}),
    }
    assert body
    for text, expected in texts.items():
        masked = mask_secret(text, key)
        assert masked == expected, (text, masked)
        assert mask_secret(masked, key) == masked


def test_encodings_of_other_bytes_are_left_alone() -> None:
    near = KEY[:12] + "X" + KEY[13:]  # one character off in the middle
    other = bytes(range(256)) + near.encode()
    texts = [
        base64.b64encode(other).decode(),
        base64.urlsafe_b64encode(b"Bearer " + near.encode()).decode(),
        base64.b32encode(other).decode(),
        other.hex(),
        near.encode("utf-16-le").hex(),
        "".join(f"={byte:02X}" for byte in other),
        # (not an id holding the key's last 17 characters: that is a key cut short, masked)
        json.dumps({"id": "call_fedcba9876543210", "digest": "deadbeef" * 8}),
    ]
    for text in texts:
        assert mask_secret(text, KEY) == text


def test_a_short_keys_encodings_are_below_the_rule_and_stay() -> None:
    # three bytes give six hex digits, under MIN_ENCODED_CHARS: too likely in other text
    assert mask_secret("id 6b3379 and k3y", "k3y") == f"id 6b3379 and {MASK}"
    assert MIN_ENCODED_CHARS == 8
    # four bytes give eight hex digits: masked
    assert mask_secret("id 6b337921", "k3y!") == f"id {MASK}"


@pytest.mark.parametrize("key", [ATTACK_KEY, LONG_KEY], ids=["attack-key", "long-key"])
def test_an_encoded_key_cut_off_at_the_end_of_kept_text_is_masked(key: str) -> None:
    for prefix in (b"", b"B", b"Be"):
        encoded = base64.b64encode(prefix + key.encode()).decode()
        first = -(-8 * len(prefix) // 6)
        for cut in (first + 4, first + 9, len(encoded) - 2):
            masked = mask_truncated(f"echo: {encoded[:cut]}", key)
            assert masked.endswith(MASK), masked
            assert encoded[first:cut] not in masked
            assert mask_truncated(masked, key) == masked
    hex_cut = key.encode().hex()[:9]  # four bytes and half of the fifth
    assert mask_truncated(f"echo {hex_cut}", key) == f"echo {MASK}"
    assert mask_truncated("echo 0123 and the end", key) == "echo 0123 and the end"


BINARY = st.binary(max_size=6)


@settings(max_examples=40, deadline=None)
@given(
    key=st.text(KEY_CHARS, min_size=SHORT_KEY_CHARS, max_size=16),
    prefix=BINARY,
    suffix=BINARY,
    encoding=st.sampled_from([*BASE_N, "hex", "hex-upper"]),
)
def test_no_encoding_of_any_key_keeps_its_determined_core(
    key: str, prefix: bytes, suffix: bytes, encoding: str
) -> None:
    data = key.encode()
    stream = prefix + data + suffix
    if encoding.startswith("hex"):
        encoded = stream.hex().upper() if encoding == "hex-upper" else stream.hex()
        core = encoded[2 * len(prefix) : 2 * (len(prefix) + len(data))]
    else:
        bits, encode = BASE_N[encoding]
        encoded = encode(stream)
        core = _determined(encoded, bits, len(prefix), len(data))
    masked = mask_secret(f"\u2603{encoded}\u2603", key)
    assert core not in masked
    assert mask_secret(masked, key) == masked


@pytest.mark.parametrize(
    "shown",
    [
        pytest.param(lambda key: f"Invalid key {key[:-3]}...", id="cut short at the end"),
        pytest.param(lambda key: f"key ...{key[4:]}", id="cut short at the start"),
        pytest.param(lambda key: f"key={key.lower()}", id="lower case"),
        pytest.param(lambda key: key.swapcase(), id="swapped case"),
    ],
)
def test_a_key_shown_cut_short_or_in_another_case_is_masked(shown: Callable[[str], str]) -> None:
    for key in ("sk_live_R3port+K3y/5ecret&0987", "k3y+/&<>\"'$x9Zq_long_enough"):
        masked = mask_secret(shown(key), key)
        half = key[: len(key) // 2]
        assert half not in masked
        assert half.lower() not in masked.lower() or MASK in masked
        assert mask_secret(masked, key) == masked


def test_a_short_start_of_the_key_is_left_alone() -> None:
    key = "sk_live_R3port+K3y/5ecret&0987"
    text = "keys look like sk_live_R3p and are secret"
    assert mask_secret(text, key) == text  # under half the key: a prefix any doc may show
