"""Live safety: every accepted request to a real service places a real, paid phone call.

In a live run (`--live`), two rules hold for every request, whoever builds it (Schemathesis,
the vectors, the probes of auth, the concurrency phase):

- Every phone number in it is the tester's own (`--from-number`, `--live-to-number`) or a
  number of the range reserved for fiction, +1 NXX 555-0100..0199. A phone number is any
  value at a path the spec types with an `x-phone-number` schema, read as a lenient server
  would: every digit it holds, in any script (an Arabic-Indic one is a 1), concatenated. So
  a negative case that a lenient server accepts anyway can ring only a fictional number.
  `aim` rewrites the numbers of a body before it is sent (keeping the body valid or invalid
  as it was); the gateway refuses to forward anything that still breaks the rule.
- A request is *placeable* when its body keeps the operation's request schema, by the suite's
  validator or by a stock JSON Schema validator (either one is enough: they differ on edge
  cases such as a trailing newline, and a server could follow either). Placeable requests
  are sent only while the budget of `--max-live-calls` lasts, and only when every phone number
  in them is the tester's. Nothing about headers or methods makes a placeable body safe: a
  server that ignores auth or routes any method would place it.
"""

from __future__ import annotations

import json
import re
import threading
import unicodedata
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote_plus

from jsonschema import Draft202012Validator

from contract_tests.contract import Contract, FieldPath, replace_at, values_at
from generator.ir import Operation

__all__ = [
    "FICTIONAL_NUMBER",
    "LiveBudget",
    "LiveNumbers",
    "aim",
    "digits_of",
    "is_fictional",
    "is_placeable",
    "lenient_phone_values",
    "phone_values",
    "unsafe_numbers",
]

# +1 415 555-0100: NANP numbers 555-0100..0199 are reserved for fiction in every area code.
FICTIONAL_NUMBER = "+14155550100"
_FICTIONAL_DIGITS = re.compile(r"1[2-9][0-9]{2}55501[0-9]{2}")
# Fewer digits than this cannot reach anyone (the shortest dialable numbers, such as 911 or
# 112, have three): "+1" or "+12" are left alone.
_MIN_DIALABLE_DIGITS = 3
# A digit run in free text (a body that is not a JSON object) that could be a number.
_TEXT_NUMBER = re.compile(r"\+?\d(?:[\s().\-]*\d){2,}")
# What parts the values of a text body (JSON punctuation, form and query separators, quotes).
_TEXT_BREAKS = re.compile(r"[\"',:;{}\[\]&=<>\r\n]+")
_JSON_ESCAPE = re.compile(r"\\u([0-9a-fA-F]{4})")


def digits_of(value: object) -> str:
    """Every digit a value holds, as ASCII, in order (any script; numbers as written)."""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return ""
    text = value if isinstance(value, str) else json.dumps(value)
    return "".join(
        str(unicodedata.digit(char)) for char in text if unicodedata.digit(char, None) is not None
    )


def is_fictional(value: object) -> bool:
    return _FICTIONAL_DIGITS.fullmatch(digits_of(value)) is not None


@dataclass(frozen=True)
class LiveNumbers:
    """The tester's own numbers: one the account manages and a phone the tester owns."""

    from_number: str
    to_number: str

    def owns(self, value: object) -> bool:
        digits = digits_of(value)
        return bool(digits) and digits in (digits_of(self.from_number), digits_of(self.to_number))


def is_safe(value: object, numbers: LiveNumbers | None) -> bool:
    """Whether a phone value can only ring the tester or nobody."""
    digits = digits_of(value)
    if len(digits) < _MIN_DIALABLE_DIGITS or _FICTIONAL_DIGITS.fullmatch(digits):
        return True
    return numbers is not None and numbers.owns(value)


def unsafe_numbers(
    contract: Contract, operation: Operation | None, body: object, numbers: LiveNumbers | None
) -> list[str]:
    """The phone values of a request that could ring a stranger (empty: safe to send).

    A JSON object is read at its operation's phone paths (every operation's, when the path
    matches none) as the most lenient server would: keys in any case and spelling of `_`/`-`
    (Go's encoding/json matches keys case-insensitively), and every scalar inside a list or
    object found there (an array body: each object in it too). Anything else is read as text,
    piece by piece (`_text_pieces`)."""
    if isinstance(body, dict):
        values = lenient_phone_values(contract, operation, body)
        return [_show(value) for value in values if not is_safe(value, numbers)]
    found: list[str] = []
    if isinstance(body, list):  # objects inside an array: a server may take any of them
        values = lenient_phone_values(contract, operation, body)
        found += [_show(value) for value in values if not is_safe(value, numbers)]
    text = body if isinstance(body, str) else json.dumps(body, ensure_ascii=False) if body else ""
    return found + [piece for piece in _text_pieces(text) if not is_safe(piece, numbers)]


def _text_pieces(text: str) -> list[str]:
    """The pieces of a text a lenient server could read as one number: runs of digits with
    the usual separators, and everything between JSON or form punctuation (a server that
    keeps only the digits of a value dials `+1a21/25` too), read as is, percent-decoded and
    with JSON escapes undone."""
    variants = {text, unquote_plus(text), _JSON_ESCAPE.sub(_unescaped, text)}
    pieces: list[str] = []
    for variant in sorted(variants):
        pieces += _TEXT_NUMBER.findall(variant)
        pieces += [
            piece
            for piece in _TEXT_BREAKS.split(variant)
            if len(digits_of(piece)) >= _MIN_DIALABLE_DIGITS
        ]
    return pieces


def _unescaped(escape: re.Match[str]) -> str:
    return chr(int(escape[1], 16))


def lenient_phone_values(
    contract: Contract, operation: Operation | None, body: dict[str, Any] | list[Any]
) -> list[object]:
    """Every scalar a lenient server could read at a phone path of the operation (or any)."""
    operations = [operation] if operation is not None else list(contract.api.operations)
    found: list[object] = []
    for op in operations:
        for path in op.phone_paths:
            for value in _lenient_values_at(body, path):
                found += _scalars(value)
    return found


def _lenient_values_at(document: object, path: FieldPath) -> list[object]:
    if not path:
        return [document]
    head, rest = path[0], path[1:]
    if isinstance(document, list):
        # the items the path names, or an item where a value was due (some servers take the
        # first, others any)
        after = rest if head == "*" else path
        return [v for item in document for v in _lenient_values_at(item, after)]
    if not isinstance(document, dict):
        return []
    if head == "*":
        return [v for item in document.values() for v in _lenient_values_at(item, rest)]
    wanted = _key_folded(head)
    return [
        v
        for key, item in document.items()
        if _key_folded(key) == wanted
        for v in _lenient_values_at(item, rest)
    ]


def _key_folded(key: str) -> str:
    return unicodedata.normalize("NFKC", key).casefold().replace("_", "").replace("-", "")


def _scalars(value: object) -> list[object]:
    if isinstance(value, list):
        return [leaf for item in value for leaf in _scalars(item)]
    if isinstance(value, dict):  # its keys too: `{"+1212...": 1}` where a number is due
        return [leaf for key, item in value.items() for leaf in [key, *_scalars(item)]]
    return [value]


def phone_values(contract: Contract, operation: Operation | None, body: object) -> list[object]:
    """Every value of a JSON object body at a phone path of its operation (or of any)."""
    if not isinstance(body, dict):
        return []
    operations = [operation] if operation is not None else list(contract.api.operations)
    return [
        value for op in operations for path in op.phone_paths for _, value in values_at(body, path)
    ]


def is_placeable(contract: Contract, operation: Operation | None, body: object) -> bool:
    """Whether a correct server could accept this body (and so place a call). With no known
    operation (an unexpected path), any operation's schema accepting it is enough."""
    operations = [operation] if operation is not None else list(contract.api.operations)
    for op in operations:
        if op.request is None:
            continue
        if contract.request_is_valid(op, body) or _stock_validator(
            contract, op.request.schema
        ).is_valid(body):
            return True
    return False


_STOCK: dict[tuple[int, str], Draft202012Validator] = {}
_STOCK_LOCK = threading.Lock()


def _stock_validator(contract: Contract, name: str) -> Draft202012Validator:
    key = (id(contract), name)
    with _STOCK_LOCK:
        validator = _STOCK.get(key)
        if validator is None:
            schema = {**contract.schema_document, "$ref": f"#/$defs/{name}"}
            validator = _STOCK[key] = Draft202012Validator(schema)
        return validator


def aim(contract: Contract, operation: Operation, body: Any, numbers: LiveNumbers | None) -> Any:
    """The body as a live run sends it: phone values that are not safe become fictional ones
    of the same validity (a valid one stays valid, an invalid one invalid), and when the body
    is valid and the tester named numbers, every phone value becomes the tester's (the
    account's own number where the spec says `x-account: number`, the tester's phone
    elsewhere). Anything that is not a JSON object is left as it is (the gateway decides)."""
    if not isinstance(body, dict):
        return body
    aimed: Any = body
    for path in operation.phone_paths:
        for concrete, value in list(values_at(aimed, path)):
            if not is_safe(value, numbers):
                aimed = replace_at(
                    aimed, concrete, _safe_like(contract, operation, aimed, concrete, value)
                )
    # only a body the suite itself holds valid: one that only the stock validator accepts (a
    # trailing newline) is meant to be rejected, and the tester's numbers would make it a call
    if numbers is not None and contract.request_is_valid(operation, aimed):
        account = {path for path, role in operation.account_paths if role == "number"}
        for path in operation.phone_paths:
            mine = numbers.from_number if path in account else numbers.to_number
            for concrete, _ in list(values_at(aimed, path)):
                aimed = replace_at(aimed, concrete, mine)
    return aimed


def _safe_like(
    contract: Contract, operation: Operation, body: Any, path: FieldPath, value: Any
) -> Any:
    """A fictional replacement for `value` that keeps the body valid or invalid at `path`."""
    if not isinstance(value, str):
        return int(FICTIONAL_NUMBER[1:])  # keeps a wrong type wrong, and its digits harmless
    was_broken = _broken_at(contract, operation, body, path)
    for candidate in (FICTIONAL_NUMBER, FICTIONAL_NUMBER + "x", "x" + FICTIONAL_NUMBER):
        trial = replace_at(body, path, candidate)
        if _broken_at(contract, operation, trial, path) == was_broken:
            return candidate
    return FICTIONAL_NUMBER + "x"


def _broken_at(contract: Contract, operation: Operation, body: Any, path: FieldPath) -> bool:
    where = ".".join(path)
    return any(v.field == where for v in contract.request_violations(operation, body))


def _show(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)[:80]


class LiveBudget:
    """The valid (call-placing) requests a live run may still send. Thread-safe."""

    def __init__(self, limit: int) -> None:
        self._remaining = limit
        self._lock = threading.Lock()

    def take(self) -> bool:
        with self._lock:
            if self._remaining <= 0:
                return False
            self._remaining -= 1
            return True

    @property
    def remaining(self) -> int:
        with self._lock:
            return self._remaining
