"""Imports run one way: emit -> IR -> load. The IR (`generator.ir`) is the one reader of the
spec, so nothing that consumes the spec imports `yaml` or `generator.load` itself: not the
emitters, not the mock, not the contract suite. The IR imports no emitter, and the loader
neither the IR nor an emitter."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.guards.sources import files, relative

# Who may not import what: a module name matches itself and its submodules.
RULES: dict[tuple[str, ...], tuple[str, ...]] = {
    ("contract_tests", "mock_server", "generator/emit"): ("yaml", "generator.load"),
    ("generator/ir",): ("generator.emit",),
    ("generator/load",): ("generator.ir", "generator.emit"),
}

# Known violations: none (the lead fixed the two `SpecError` imports of the loader).
KNOWN: dict[tuple[str, str, str], str] = {}


def imports(source: str) -> Iterator[tuple[int, str, str]]:
    """(line, module, name) of every import, also those inside functions; `import a.b` gives
    ("a.b", ""), `from a import b` gives ("a", "b") and `importlib.import_module("a")` with
    a literal name ("a", "")."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name, ""
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            for alias in node.names:
                yield node.lineno, node.module, alias.name
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "import_module"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            yield node.lineno, node.args[0].value, ""


def _within(module: str, forbidden: str) -> bool:
    return module == forbidden or module.startswith(forbidden + ".")


def forbidden_imports(source: str, forbidden: tuple[str, ...]) -> Iterator[tuple[int, str, str]]:
    for line, module, name in imports(source):
        # `from generator import load` imports the package generator.load
        full = f"{module}.{name}" if name else module
        if any(_within(module, f) or _within(full, f) for f in forbidden):
            yield line, module, name


CASES = [
    (path, forbidden) for folders, forbidden in RULES.items() for path in files(folders, "*.py")
]


@pytest.mark.parametrize(("path", "forbidden"), CASES, ids=[relative(p) for p, _ in CASES])
def test_no_module_imports_against_the_direction(path: Path, forbidden: tuple[str, ...]) -> None:
    name = relative(path)
    found = [
        f"{name}:{line}: {module} {imported}".rstrip()
        for line, module, imported in forbidden_imports(path.read_text(encoding="utf-8"), forbidden)
        if (name, module, imported) not in KNOWN
    ]
    assert not found, f"only generator.ir reads the spec; emit -> IR -> load: {found}"


def test_the_rules_cover_the_packages() -> None:
    scanned = {relative(path) for path, _ in CASES}
    assert {
        "contract_tests/cli.py",
        "mock_server/app.py",
        "generator/emit/python/view.py",
    } <= scanned
    assert {"generator/ir/build.py", "generator/load/yaml_io.py"} <= scanned


def test_the_loader_is_where_yaml_is_read() -> None:
    """The rule is about something real: the loader does import yaml, the IR the loader."""
    loader = {
        module
        for path in files(("generator/load",), "*.py")
        for _, module, _ in imports(path.read_text(encoding="utf-8"))
    }
    assert "yaml" in loader
    ir = {
        module
        for path in files(("generator/ir",), "*.py")
        for _, module, _ in imports(path.read_text(encoding="utf-8"))
    }
    assert "generator.load" in ir


BROKEN = """
import yaml
import generator.load.yaml_io as y
from generator import load
from generator.load import load_spec
from generator.ir import load_api
import importlib
def later():
    from generator.load.refs import deref
    return importlib.import_module("generator.load")
"""


def test_the_scan_catches_every_spelling_of_a_forbidden_import() -> None:
    assert sorted(line for line, _, _ in forbidden_imports(BROKEN, ("yaml", "generator.load"))) == [
        2,
        3,
        4,
        5,
        9,
        10,
    ]
    assert (
        list(
            forbidden_imports(
                "import yamlette\nfrom generator.loader import x\n", ("yaml", "generator.load")
            )
        )
        == []
    )


def test_every_known_violation_is_still_there() -> None:
    """When one is fixed its entry goes, so the list is the list of what remains to fix."""
    present = {
        (relative(path), module, name)
        for path, forbidden in CASES
        for _, module, name in forbidden_imports(path.read_text(encoding="utf-8"), forbidden)
    }
    assert set(KNOWN) <= present, sorted(set(KNOWN) - present)
