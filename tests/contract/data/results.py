"""Suite results built directly (no server) for the output tests, and hostile server bytes.

`KEY` is echoed by the "server" in every spelling `key_spellings` knows; the outputs must
show none of them.
"""

from __future__ import annotations

import dataclasses
import html
import json
import re
from collections import Counter
from collections.abc import Iterable
from typing import Any
from urllib.parse import quote, quote_plus

from contract_tests.findings import Finding, RequestRecord, RunOutcome
from contract_tests.options import SuiteOptions
from contract_tests.suite import SuiteResult
from generator.ir import load_api

KEY = "sk_live_R3port+K3y/5ecret&0987"
TARGET = "http://127.0.0.1:9"
OPERATIONS = tuple(operation.label for operation in load_api().operations)
V2, V1 = OPERATIONS[0], OPERATIONS[1]

CONTROL_CHARS = "".join(chr(code) for code in [*range(0x20), 0x7F, *range(0x80, 0xA0)])
TERMINAL_ATTACKS = (
    "\x1b[2J\x1b[H\x1b[31mCOMPLIANT\x1b[0m"  # clear the screen, forge a verdict
    "\x1b]0;owned\x07"  # set the window title
    "\x1b]8;;http://evil.example\x1b\\click\x1b]8;;\x1b\\"  # a hyperlink
    "\x9b31m"  # an 8-bit CSI
    "\r\nrerun: rm -rf ~\n"  # forge a line
)
# bidi overrides and isolates, a zero width space, line separators, a BOM, noncharacters, a tag
HIDDEN_UNICODE = "\u202e\u202c\u2066\u2069\u200b\u2028\u2029\ufeff\ufffe\uffff\U000e0041"
UNICODE_ATTACKS = "\u202eevil\u202c " + HIDDEN_UNICODE
MARKUP_ATTACKS = (
    "]]></failure><injected/>"
    "\n```\n# Forged heading\n````\n~~~\n"
    "<script>alert(1)</script><img src=x onerror=alert(1)> &amp; &#60;"
    "[red]markup[/red] :warning: [link](http://evil.example) <http://evil.example> | cell |"
)
HOSTILE_TEXT = TERMINAL_ATTACKS + CONTROL_CHARS + UNICODE_ATTACKS + MARKUP_ATTACKS
HOSTILE_BYTES = (
    HOSTILE_TEXT.encode()
    + b"\xff\xfe\xc0\x80\xed\xa0\x80\xf4\x90\x80\x80"  # invalid UTF-8, an encoded surrogate
    + bytes(range(256))
)
LONE_SURROGATES = "\ud800 and \udfff"


def json_escaped(text: str, upper: bool = False) -> str:
    """Every character of `text` as JSON's `\\uXXXX` (surrogate pairs outside the BMP)."""
    units = text.encode("utf-16-be")
    escaped = "".join(
        f"\\u{int.from_bytes(units[i : i + 2], 'big'):04x}" for i in range(0, len(units), 2)
    )
    return escaped.upper().replace("\\U", "\\u") if upper else escaped


def key_spellings(key: str) -> list[str]:
    """The key as servers echo it: raw, JSON-escaped in several ways, URL-encoded, both."""
    every_char_escaped = json_escaped(key)
    return [
        key,
        json.dumps(key)[1:-1],
        json.dumps(key)[1:-1].replace("/", "\\/"),
        every_char_escaped,
        json_escaped(key, upper=True),
        key.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e"),
        quote(key, safe=""),
        re.sub(r"%[0-9A-F]{2}", lambda escape: escape[0].lower(), quote(key, safe="")),
        quote_plus(key),
        json_escaped(quote(key, safe=""), upper=True),  # JSON-escaped URL encoding
        quote(quote(key, safe=""), safe=""),  # encoded twice
        html.escape(key),
        "".join(f"&#{ord(char)};" for char in key),
    ]


def key_echo(key: str = KEY) -> bytes:
    """A server's answer echoing the key in every spelling, among hostile bytes."""
    document = {"echo": key_spellings(key), "authorization": f"Bearer {key}"}
    return json.dumps(document).encode() + HOSTILE_BYTES


def options(**changes: Any) -> SuiteOptions:
    return SuiteOptions(**{"base_url": TARGET, "api_key": KEY, "seed": 4242, **changes})


def record(
    body: bytes | None = b'{"to_number": "+14155550100"}',
    headers: Iterable[tuple[str, str]] = (),
    url: str = f"{TARGET}/v2/create-phone-call",
    method: str = "POST",
) -> RequestRecord:
    sent = (("Authorization", f"Bearer {KEY}"), ("Content-Type", "application/json"), *headers)
    return RequestRecord(method, url, sent, body)


def finding(
    rule: str = "closed_enums",
    operation: str = V2,
    message: str = "answer field `status` is 'weird', not one of the enum's values",
    request: RequestRecord | None = None,
    status: int | None = 201,
    response: bytes = b'{"status": "weird"}',
    source: str = "fuzzing",
) -> Finding:
    return Finding(rule, operation, source, message, request or record(), status, response)


def result(
    findings: Iterable[Finding] = (),
    judged: dict[tuple[str, str], int] | None = None,
    ran: Iterable[tuple[str, str]] = (),
    notes: Iterable[str] = (),
    errors: Iterable[str] = (),
    run_options: SuiteOptions | None = None,
    **fields: Any,
) -> SuiteResult:
    outcome = RunOutcome(cases=37)
    outcome.findings.extend(findings)
    outcome.judged = Counter(judged or {})
    outcome.ran = set(ran) | set(outcome.judged)
    outcome.notes.extend(notes)
    outcome.errors.extend(errors)
    return SuiteResult(run_options or options(), outcome, seconds=12.5, **fields)


def compliant() -> SuiteResult:
    return result(
        judged={("closed_enums", V2): 20, ("closed_enums", V1): 18}, ran=[("e164_numbers", V1)]
    )


def violating() -> SuiteResult:
    """Two failing pairs (one failing 5 times), a passing pair, a never-applied pair."""
    many = [finding(message=f"case {index}: 'weird' is not an enum value") for index in range(5)]
    once = finding(rule="e164_numbers", operation=V1, message="'+1 415' is not E.164")
    judged = {("closed_enums", V2): 40, ("e164_numbers", V1): 3, ("silence_minimum", V2): 9}
    return result([*many, once], judged=judged, ran=[("mulaw_sample_rate", V2)])


def hostile() -> SuiteResult:
    """A finding whose request, answer and message hold every hostile thing and the key."""
    body = b'{"metadata": {"k": "' + KEY.encode() + b'"}}' + HOSTILE_BYTES
    sent = record(body=body, headers=[("X-Echo", HOSTILE_TEXT.replace("\r", "").replace("\n", ""))])
    message = f"echoed {HOSTILE_TEXT} {LONE_SURROGATES} key {KEY} " + " ".join(key_spellings(KEY))
    bad = finding(message=message, request=sent, response=key_echo())
    return result(
        [bad],
        judged={("closed_enums", V2): 1},
        notes=[f"note {HOSTILE_TEXT}"],
        errors=[f"error {HOSTILE_TEXT} {KEY}"],
    )


def incomplete() -> SuiteResult:
    return dataclasses.replace(
        compliant(), incomplete="the run stopped before its fixed vectors and phases were done"
    )


def interrupted() -> SuiteResult:
    return dataclasses.replace(compliant(), interrupted="SIGINT")
