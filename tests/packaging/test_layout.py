"""pyproject.toml against the tree, without building: every folder of code or templates is a
listed package, the console scripts name functions that exist, and the dependencies are
exactly what the shipped code imports (test_build.py checks the wheel itself)."""

from __future__ import annotations

import ast
import importlib
import inspect
import sys
from collections.abc import Iterable
from importlib.metadata import packages_distributions
from pathlib import Path, PurePosixPath

import pytest

from tests.packaging.helpers import (
    PYPROJECT,
    ROOT,
    SCRIPTS,
    canonical,
    package_folders,
    repository_files,
    requirement_name,
)

# Files that make a folder part of the installed toolkit.
SHIPPED_SUFFIXES = (".py", ".jinja", ".typed")
# Declared for what they do inside another package, not imported by name.
LOADED_BY_OTHERS = {
    "uvloop": "uvicorn's event loop whenever it is installed (the mock's throughput)",
    "httptools": "uvicorn's HTTP protocol, which mock_server/hardening.py subclasses",
}
# Packages of the checkout that are not shipped (and `rich_client`, a package the generator
# tests generate and import from a temporary folder).
UNSHIPPED_PACKAGES = {"benchmarks", "rich_client", "tests"}


def shipped_folders() -> dict[str, Path]:
    return package_folders()


def own_top_level() -> set[str]:
    return {name.split(".")[0] for name in shipped_folders()}


def files_under(folder: Path) -> list[PurePosixPath]:
    prefix = folder.relative_to(ROOT).as_posix() + "/"
    return [PurePosixPath(path) for path in repository_files() if path.startswith(prefix)]


def test_every_folder_of_code_or_templates_is_a_listed_package() -> None:
    folders = shipped_folders()
    listed = {folder.relative_to(ROOT).as_posix() for folder in folders.values()}
    roots = [folder for name, folder in folders.items() if "." not in name]
    holding = {
        str(path.parent)
        for root in roots
        for path in files_under(root)
        if path.name.endswith(SHIPPED_SUFFIXES)
    }
    missing = sorted(holding - listed)
    assert not missing, (
        f"add these folders (as dotted names) to [tool.setuptools] packages: {missing}"
    )


def test_every_listed_package_exists() -> None:
    for name, folder in shipped_folders().items():
        assert folder.is_dir(), f"{name}: {folder} is missing"


def test_the_spec_is_package_data() -> None:
    folder = shipped_folders()["retell_contract_spec"]
    assert folder == ROOT / "spec"
    data = PYPROJECT["tool"]["setuptools"]["package-data"]["retell_contract_spec"]
    assert data == ["openapi.yaml"]


@pytest.mark.parametrize("script", sorted(SCRIPTS))
def test_each_console_script_is_a_function_callable_without_arguments(script: str) -> None:
    module_name, _, function_name = SCRIPTS[script].partition(":")
    function = getattr(importlib.import_module(module_name), function_name)
    assert callable(function)
    inspect.signature(function).bind()  # a console script calls it with no argument


def imports_of(paths: Iterable[Path]) -> dict[str, set[str]]:
    """Top-level names of third-party modules the files import (anywhere in them), with the
    files that import each."""
    found: dict[str, set[str]] = {}
    for path in paths:
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                if top not in sys.stdlib_module_names and top != "__future__":
                    found.setdefault(top, set()).add(str(path.relative_to(ROOT)))
    return found


def python_files(folders: Iterable[Path]) -> list[Path]:
    return [
        ROOT / str(path)
        for folder in folders
        for path in files_under(folder)
        if path.suffix == ".py"
    ]


def distributions_of(modules: Iterable[str]) -> dict[str, str]:
    """The distribution (canonical name) that provides each module, in this environment."""
    providers = packages_distributions()
    found = {}
    for module in modules:
        names = providers.get(module)
        assert names, f"no installed distribution provides {module!r}"
        found[module] = canonical(names[0])
    return found


def declared(requirements: Iterable[str]) -> set[str]:
    return {requirement_name(requirement) for requirement in requirements}


def test_the_runtime_dependencies_are_what_the_shipped_code_imports() -> None:
    roots = [folder for name, folder in shipped_folders().items() if "." not in name]
    imported = imports_of(python_files(roots))
    third_party = {m: files for m, files in imported.items() if m not in own_top_level()}
    needed = distributions_of(third_party)
    runtime = declared(PYPROJECT["project"]["dependencies"])
    undeclared = {needed[m]: sorted(third_party[m])[:3] for m in needed if needed[m] not in runtime}
    assert not undeclared, f"imported but not in [project] dependencies: {undeclared}"
    unused = runtime - set(needed.values()) - set(LOADED_BY_OTHERS)
    assert not unused, f"in [project] dependencies but imported by nothing shipped: {unused}"


def test_the_tests_and_benchmarks_import_only_declared_distributions() -> None:
    folders = [ROOT / "tests", ROOT / "benchmarks"]
    imported = imports_of(python_files(folders))
    third_party = set(imported) - own_top_level() - UNSHIPPED_PACKAGES
    everything = declared(PYPROJECT["project"]["dependencies"]) | declared(
        PYPROJECT["project"]["optional-dependencies"]["dev"]
    )
    needed = distributions_of(third_party)
    undeclared = {
        module: sorted(imported[module])[:3]
        for module, distribution in needed.items()
        if distribution not in everything
    }
    assert not undeclared, f"imported by tests or benchmarks, declared nowhere: {undeclared}"


def test_the_version_has_one_source() -> None:
    """The distribution's version is the suite's (`retell-contract --version`), not a copy."""
    assert "version" not in PYPROJECT["project"]
    assert PYPROJECT["project"]["dynamic"] == ["version"]
    assert PYPROJECT["tool"]["setuptools"]["dynamic"]["version"] == {
        "attr": "contract_tests.__version__"
    }


def test_the_license_is_an_spdx_expression_without_a_classifier() -> None:
    """setuptools deprecates the license table and `License ::` classifiers (PEP 639)."""
    project = PYPROJECT["project"]
    assert isinstance(project["license"], str)
    assert not [c for c in project.get("classifiers", []) if c.startswith("License ::")]
