"""The mock restates nothing of the spec: no path, operation id, field name or enum value of
it appears in its code outside `hooks.py`, the one module for what the spec cannot state."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import mock_server
from tests.mock_server.conftest import API

PACKAGE = Path(mock_server.__file__).parent
HOOKS = PACKAGE / "hooks.py"
MODULES = sorted(path for path in PACKAGE.glob("*.py") if path != HOOKS)


def spec_words() -> set[str]:
    """Paths, operation ids and every property name of the spec's models."""
    words = {operation.path for operation in API.operations}
    words |= {operation.operation_id for operation in API.operations}
    words |= {field.name for model in API.models for field in model.fields}
    return words


def enum_values() -> set[str]:
    return {value for enum in API.enums for value in enum.values}


def test_the_words_looked_for_are_the_spec_s() -> None:
    words = spec_words()
    assert {"/v2/create-phone-call", "createPhoneCallV1", "metadata", "agent_id"} <= words
    assert {"twilio", "registered", "outbound"} <= enum_values()


def test_the_hooks_module_does_name_the_spec() -> None:
    """The scan finds what it looks for: hooks.py, which may, names an operation and fields."""
    text = HOOKS.read_text(encoding="utf-8")
    assert {"createPhoneCallV1", "sample_rate"} <= {w for w in spec_words() if _spells(text, w)}


def _spells(text: str, word: str) -> bool:
    # A dotted name's part (`importlib.metadata`) is Python's, not the spec's.
    return re.search(rf"(?<![\w/.-]){re.escape(word)}(?![\w/-])", text) is not None


@pytest.mark.parametrize("path", MODULES, ids=lambda path: path.name)
def test_no_module_names_a_path_operation_or_field_of_the_spec(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    found = sorted(word for word in spec_words() if _spells(text, word))
    assert not found, f"{path.name} spells {found}: take them from the IR (or a hook)"


@pytest.mark.parametrize("path", MODULES, ids=lambda path: path.name)
def test_no_module_spells_an_enum_value_of_the_spec(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    spelled = {
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    }
    assert not spelled & enum_values(), sorted(spelled & enum_values())


def test_every_module_is_scanned() -> None:
    assert {path.name for path in MODULES} | {HOOKS.name} == {p.name for p in PACKAGE.glob("*.py")}
    assert {"app.py", "endpoint.py", "answers.py", "accounts.py"} <= {p.name for p in MODULES}
