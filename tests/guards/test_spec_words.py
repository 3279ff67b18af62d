"""The spec is the single source: no path, operation id, field name, type name or enum value
of the spec is spelled in hand-written code or in a template. They reach code through the IR.

Python: every string literal (docstrings excepted, comments are not literals) is checked,
both whole and for a spec word standing as a token inside it (`"POST /v2/create-phone-call"`).
Identifiers are checked too, since `request.to_number` names a field as surely as
`request["to_number"]`. Templates: their text without comments, for a spec word standing as
a token (not a part of a longer dotted name or path, so `importlib.metadata` is Python's).
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest

from generator.ir import Api, load_api
from tests.guards.sources import (
    HAND_WRITTEN,
    files,
    produced_suffix,
    relative,
    string_literals,
    template_code,
)

API: Api = load_api()

# (file, word) pairs that may be spelled, each with its reason. Nothing else may.
ALLOWED_LITERALS: dict[tuple[str, str], str] = {
    # The mock's one module for what the spec cannot state (the v1 endpoint's defaults and
    # the audio rules); the rule itself grants it (`mock_server/hooks.py`).
    **{
        ("mock_server/hooks.py", word): "the mock's per-operation hooks module"
        for word in (
            "audio_websocket_protocol",
            "audio_encoding",
            "sample_rate",
            "end_call_after_silence_ms",
            "createPhoneCallV1",
            "twilio",
            "mulaw",
        )
    },
    # "error" is an enum value of the spec (CallStatus) and an ordinary word:
    ("generator/emit/conformance/derive.py", "error"): "the vector file's own `error` key",
    ("generator/emit/go/naming.py", "error"): "the last word of an error class name",
    ("contract_tests/output/junit.py", "error"): "JUnit's <error> element",
    ("benchmarks/mock_speed.py", "error"): "Prism's log level `-v error`",
}

ALLOWED_IDENTIFIERS: dict[tuple[str, str], str] = {
    ("mock_server/hooks.py", "sample_rate"): "the mock's per-operation hooks module",
    ("mock_server/hooks.py", "end_call_after_silence_ms"): "the mock's hooks module",
    # The contract CLI's own options `--from-number`, `--agent-id`, `--live-to-number` (see
    # contract_tests/README.md) are the toolkit's interface, not the spec's: their argparse
    # dests and the attributes holding them coincide with field names. Where the values go
    # in a body is decided by the IR's `x-account` / `x-phone-number` paths, never by name.
    **{
        (
            path,
            word,
        ): "mirrors a contract CLI option (--from-number / --agent-id / --live-to-number)"
        for path, words in {
            "contract_tests/cli.py": ("from_number", "agent_id"),
            "contract_tests/fitting.py": ("from_number", "agent_id"),
            "contract_tests/live.py": ("from_number", "to_number"),
            "contract_tests/output/reproduce.py": ("from_number", "agent_id", "to_number"),
        }.items()
        for word in words
    },
}


def spec_words(api: Api) -> set[str]:
    words = {operation.path for operation in api.operations}
    words |= {operation.operation_id for operation in api.operations}
    words |= {field.name for model in api.models for field in model.fields}
    words |= {model.name for model in api.models} | {enum.name for enum in api.enums}
    return words | {value for enum in api.enums for value in enum.values}


WORDS = spec_words(API)

# Enum values of the spec (CallStatus) that are also ordinary words of code and prose: a
# variable `error`, "the run ended". They are looked for only as a whole string literal,
# where `"error"` could be the status; as a token or a name they would flag every module.
COMMON_WORDS = frozenset({"error", "ended"})


@cache
def _tokens(words: frozenset[str]) -> re.Pattern[str]:
    """Any of the words standing alone: not inside a longer identifier, dotted name, path or
    kebab word (so `importlib.metadata` and `--from-number` are not the spec's)."""
    alternatives = "|".join(re.escape(word) for word in sorted(words, key=lambda w: (-len(w), w)))
    return re.compile(rf"(?<![\w/.-])(?:{alternatives})(?![\w/-])")


def _tokens_in(text: str, words: set[str]) -> set[str]:
    wanted = frozenset(words - COMMON_WORDS)
    return {match.group() for match in _tokens(wanted).finditer(text)} if wanted else set()


def literal_hits(source: str, words: set[str]) -> Iterator[tuple[int, str]]:
    """(line, word) for each spec word spelled in a string literal of Python source: the
    whole literal, or (common words aside) a token inside it."""
    for line, value in string_literals(source):
        found = _tokens_in(value, words) | ({value} & words)
        for word in sorted(found):
            yield line, word


def identifier_hits(source: str, words: set[str]) -> Iterator[tuple[int, str]]:
    """(line, word) for each spec word used as a name, attribute, parameter or keyword."""
    for node in ast.walk(ast.parse(source)):
        names: list[str | None] = []
        if isinstance(node, ast.Name):
            names = [node.id]
        elif isinstance(node, ast.Attribute):
            names = [node.attr]
        elif isinstance(node, ast.arg | ast.keyword):
            names = [node.arg]
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names = [node.name]
        elif isinstance(node, ast.alias):
            names = [node.asname or node.name]
        for name in names:
            if name in words and name not in COMMON_WORDS:
                yield getattr(node, "lineno", 0), name


def template_hits(text: str, suffix: str, words: set[str]) -> Iterator[tuple[int, str]]:
    """(line, word) for each spec word standing as a token in a template's code."""
    for number, line in enumerate(template_code(text, suffix).splitlines(), start=1):
        for word in sorted(_tokens_in(line, words)):
            yield number, word


PYTHON = files(HAND_WRITTEN, "*.py")
TEMPLATES = files(("generator",), "*.jinja")


def _unexplained(
    path: Path, hits: Iterator[tuple[int, str]], allowed: dict[tuple[str, str], str]
) -> list[str]:
    name = relative(path)
    return [f"{name}:{line}: {word!r}" for line, word in hits if (name, word) not in allowed]


@pytest.mark.parametrize("path", PYTHON, ids=relative)
def test_no_string_literal_spells_the_spec(path: Path) -> None:
    found = _unexplained(
        path, literal_hits(path.read_text(encoding="utf-8"), WORDS), ALLOWED_LITERALS
    )
    assert not found, f"take these from the IR: {found}"


@pytest.mark.parametrize("path", PYTHON, ids=relative)
def test_no_identifier_is_a_field_of_the_spec(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    found = _unexplained(path, identifier_hits(source, WORDS), ALLOWED_IDENTIFIERS)
    assert not found, f"take these from the IR: {found}"


@pytest.mark.parametrize("path", TEMPLATES, ids=relative)
def test_no_template_spells_the_spec(path: Path) -> None:
    hits = template_hits(path.read_text(encoding="utf-8"), produced_suffix(path), WORDS)
    found = _unexplained(path, hits, {})
    assert not found, f"render these from the IR: {found}"


# --- the scan itself ---------------------------------------------------------------------------


def test_the_words_are_the_spec_s() -> None:
    assert {"/v2/create-phone-call", "/create-phone-call", "createPhoneCallV1"} <= WORDS
    assert {"from_number", "metadata", "error_message", "ErrorResponse", "outbound"} <= WORDS


def test_every_hand_written_module_and_template_is_scanned() -> None:
    names = {relative(path) for path in PYTHON}
    assert {"generator/ir/build.py", "contract_tests/cli.py", "mock_server/app.py"} <= names
    assert {"benchmarks/mock_speed.py", "contract_tests/vectors/typed.py"} <= names
    assert not any("/." in name or name.startswith(".") for name in names)  # no peers' venvs
    assert {"client.go.jinja", "_validation.py.jinja", "client.ts.jinja", "methods.jinja"} <= {
        path.name for path in TEMPLATES
    }


def test_every_allowance_is_still_needed() -> None:
    """An entry no file needs any more is removed, so the list stays the list of exceptions."""
    literal = {
        (relative(path), word)
        for path in PYTHON
        for _, word in literal_hits(path.read_text(encoding="utf-8"), WORDS)
    }
    named = {
        (relative(path), word)
        for path in PYTHON
        for _, word in identifier_hits(path.read_text(encoding="utf-8"), WORDS)
    }
    assert set(ALLOWED_LITERALS) - literal == set()
    assert set(ALLOWED_IDENTIFIERS) - named == set()


BROKEN_MODULE = '''
"""A docstring may say /v2/create-phone-call and from_number."""
URL = "/v2/create-phone-call"  # a comment may say agent_id
LABEL = f"POST /create-phone-call for {URL}"
def send(body):
    """So may this one: metadata."""
    body["to_number"] = "+14155550101"
    return body.override_agent_id
import importlib.metadata
'''


def test_the_python_scan_catches_a_module_that_spells_the_spec() -> None:
    assert sorted(literal_hits(BROKEN_MODULE, WORDS)) == [
        (3, "/v2/create-phone-call"),
        (4, "/create-phone-call"),
        (7, "to_number"),
    ]
    assert sorted(identifier_hits(BROKEN_MODULE, WORDS)) == [(8, "override_agent_id")]


BROKEN_GO_TEMPLATE = """\
{# a Jinja comment may say agent_id #}
// a Go comment may say from_number
/* and a block comment to_number */
const path = "/v2/create-phone-call"
func f(r Request) string { return r.Get("metadata") } // metadata again
var url = "https://example.com/x" + {{ operation.path | go_string }}
"""


def test_the_template_scan_catches_a_template_that_spells_the_spec() -> None:
    assert sorted(template_hits(BROKEN_GO_TEMPLATE, ".go", WORDS)) == [
        (4, "/v2/create-phone-call"),
        (5, "metadata"),
    ]


def test_the_template_scan_reads_python_templates_without_their_comments() -> None:
    text = '# from_number in a comment\nfield = "call_id"  # agent_id\n'
    assert list(template_hits(text, ".py", WORDS)) == [(2, "call_id")]
