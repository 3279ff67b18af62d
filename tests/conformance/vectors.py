"""The conformance vectors as the Python runners read them: both files, the operations table,
the known failures of each runner, and the comparisons every runner makes the same way."""

from __future__ import annotations

import json
import math
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
CONFORMANCE = ROOT / "conformance"
HANDWRITTEN = CONFORMANCE / "handwritten.json"
DERIVED = ROOT / "generated" / "conformance" / "vectors.json"
KNOWN_FAILURES = CONFORMANCE / "known-failures"
RUNNERS = ("python", "typescript", "go", "mock")
API_KEY = "sk_conformance_0123456789abcdefABCDEF"

Vector = dict[str, Any]


@dataclass(frozen=True)
class Suite:
    """Everything the runners read."""

    operations: dict[str, dict[str, Any]]
    errors: list[dict[str, Any]]
    headers: dict[str, str]  # what every request carries, `{api_key}` for the key
    vectors: list[Vector]

    def client(self) -> list[Vector]:
        return [v for v in self.vectors if v["appliesTo"] in ("client", "both")]

    def server(self) -> list[Vector]:
        return [v for v in self.vectors if v["appliesTo"] in ("server", "both")]

    def by_id(self) -> dict[str, Vector]:
        return {vector["id"]: vector for vector in self.vectors}


def load_suite(derived: Path = DERIVED, handwritten: Path = HANDWRITTEN) -> Suite:
    generated = json.loads(derived.read_text(encoding="utf-8"))
    written = json.loads(handwritten.read_text(encoding="utf-8"))
    return Suite(
        generated["operations"],
        generated["errors"],
        generated["headers"],
        generated["vectors"] + written["vectors"],
    )


@cache
def suite() -> Suite:
    return load_suite()


def known_failures(runner: str, folder: Path = KNOWN_FAILURES) -> dict[str, str]:
    listed: dict[str, str] = json.loads((folder / f"{runner}.json").read_text(encoding="utf-8"))
    return listed


# --- placeholders -------------------------------------------------------------------------------


def json_escaped(text: str) -> str:
    """Every character of `text` as a JSON \\uXXXX escape."""
    return "".join(f"\\u{ord(character):04x}" for character in text)


def substitute(value: Any, key: str = API_KEY) -> Any:
    """The vector's value with `{api_key}` (and `{api_key_json_escaped}`) replaced."""
    if isinstance(value, str):
        return value.replace("{api_key_json_escaped}", json_escaped(key)).replace("{api_key}", key)
    if isinstance(value, list):
        return [substitute(item, key) for item in value]
    if isinstance(value, dict):
        return {substitute(name, key): substitute(item, key) for name, item in value.items()}
    return value


# --- comparisons --------------------------------------------------------------------------------


def json_equal(left: object, right: object) -> bool:
    """JSON equality: key order free, absent and null distinct, numbers equal as IEEE doubles
    (1 and 1.0 are one number), booleans never numbers."""
    if isinstance(left, bool) or isinstance(right, bool):
        return isinstance(left, bool) and isinstance(right, bool) and left == right
    if isinstance(left, int | float) and isinstance(right, int | float):
        return _double(left) == _double(right)
    if isinstance(left, list) and isinstance(right, list):
        return len(left) == len(right) and all(map(json_equal, left, right))
    if isinstance(left, dict) and isinstance(right, dict):
        return left.keys() == right.keys() and all(json_equal(left[k], right[k]) for k in left)
    return type(left) is type(right) and left == right


def _double(number: float) -> float:
    try:
        return float(number)
    except OverflowError:
        return math.inf if number > 0 else -math.inf


def includes(body: Mapping[str, Any], expected: Mapping[str, Any]) -> Iterator[str]:
    """What `body` lacks of `expected` (top-level members, JSON-equal)."""
    for name, value in expected.items():
        if name not in body:
            yield f"{name} is missing (expected {json.dumps(value)})"
        elif not json_equal(body[name], value):
            yield f"{name} is {json.dumps(body[name])}, expected {json.dumps(value)}"


def wait_problems(waits: list[float], expected: list[dict[str, float]]) -> Iterator[str]:
    """The waits asked for against the vector's: an exact number of seconds (to the
    millisecond) or a range for a backoff."""
    if len(waits) != len(expected):
        yield f"waited {len(waits)} times {waits}, expected {len(expected)}: {expected}"
        return
    for index, (wait, rule) in enumerate(zip(waits, expected, strict=True)):
        if "seconds" in rule:
            if abs(wait - rule["seconds"]) > 0.001:
                yield f"wait {index + 1} was {wait} s, expected {rule['seconds']} s"
        elif not rule["min"] - 1e-9 <= wait <= rule["max"] + 1e-9:
            yield f"wait {index + 1} was {wait} s, expected {rule['min']}..{rule['max']} s"


def operation_names(operation: Mapping[str, Any]) -> tuple[str, str]:
    """(resource, method) in Python's terms: snake case of the IR's words."""
    return "_".join(operation["resource"]), "_".join(operation["name"])
