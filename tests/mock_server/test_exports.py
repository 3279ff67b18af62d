"""Every module of mock_server says what it exports, and other code imports only that."""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
from pathlib import Path
from types import ModuleType

import pytest

import mock_server

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = Path(mock_server.__file__).parent
NAMES = ["mock_server", *(f"mock_server.{m.name}" for m in pkgutil.iter_modules([str(PACKAGE)]))]
CODE_DIRECTORIES = ["mock_server", "tests", "contract_tests", "benchmarks", "generator"]


def module(name: str) -> ModuleType:
    return importlib.import_module(name)


def exported(name: str) -> list[str]:
    names = getattr(module(name), "__all__", None)
    assert isinstance(names, list), f"{name} has no __all__"
    return names


@pytest.mark.parametrize("name", NAMES)
def test_every_module_has_an_all_of_names_it_holds(name: str) -> None:
    names = exported(name)
    assert len(set(names)) == len(names)
    missing = [n for n in names if not hasattr(module(name), n)]
    assert not missing, f"{name}.__all__ names what it does not hold: {missing}"


@pytest.mark.parametrize("name", [n for n in NAMES if n != "mock_server"])
def test_every_public_class_and_function_defined_is_exported(name: str) -> None:
    defined = [
        attribute
        for attribute, value in vars(module(name)).items()
        if not attribute.startswith("_")
        and (inspect.isclass(value) or inspect.isfunction(value))
        and value.__module__ == name
    ]
    assert set(defined) <= set(exported(name)), sorted(set(defined) - set(exported(name)))


def python_files() -> list[Path]:
    """The project's own Python files (not installed peers under hidden directories)."""
    return sorted(
        path
        for d in CODE_DIRECTORIES
        for path in (ROOT / d).rglob("*.py")
        if not any(
            part.startswith(".") or part == "node_modules" for part in path.relative_to(ROOT).parts
        )
    )


def imports_from_mock_server(path: Path) -> list[tuple[str, str]]:
    """(module, name) for each `from mock_server... import name` and `submodule.name` use."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: list[tuple[str, str]] = []
    submodules: dict[str, str] = {}  # local alias -> module, for `wire.check_auth`
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("mock_server"):
            source = node.module or ""
            for alias in node.names:
                if f"{source}.{alias.name}" in NAMES:
                    submodules[alias.asname or alias.name] = f"{source}.{alias.name}"
                else:
                    found.append((source, alias.name))
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id in submodules
        ):
            found.append((submodules[node.value.id], node.attr))
    return found


def test_the_scan_sees_imports_of_both_kinds() -> None:
    found = imports_from_mock_server(PACKAGE / "endpoint.py")
    assert ("mock_server.accounts", "Refused") in found
    assert ("mock_server.wire", "read_body") in found


def test_code_imports_from_mock_server_only_what_a_module_exports() -> None:
    files = python_files()
    assert PACKAGE / "endpoint.py" in files
    assert Path(__file__) in files
    unexported = [
        f"{path.relative_to(ROOT)}: {source}.{name}"
        for path in files
        for source, name in imports_from_mock_server(path)
        if source in NAMES and name not in exported(source)
    ]
    assert not unexported
