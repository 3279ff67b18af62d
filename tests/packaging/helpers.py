"""Shared by the packaging tests: the repository's files and pyproject.toml, fresh virtual
environments, and commands run the way a user's CI runs them (from a directory outside the
checkout, with no virtual environment, Python path or Retell key of the caller's)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
PYPROJECT: dict[str, Any] = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
DISTRIBUTION = PYPROJECT["project"]["name"]
SCRIPTS: dict[str, str] = PYPROJECT["project"]["scripts"]
# pip on a cold cache (a CI machine without this one's pip cache) downloads ~60 wheels
INSTALL_TIMEOUT_S = 900.0
COMMAND_TIMEOUT_S = 300.0
_CALLER_VARIABLES = ("VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP", "PYTHONSAFEPATH")


def canonical(name: str) -> str:
    """A distribution name as pip compares them (PEP 503)."""
    return re.sub(r"[-_.]+", "-", name).lower()


def requirement_name(requirement: str) -> str:
    found = re.match(r"[A-Za-z0-9][A-Za-z0-9._-]*", requirement)
    assert found, f"not a requirement: {requirement!r}"
    return canonical(found.group(0))


def package_folders() -> dict[str, Path]:
    """Each package pyproject.toml lists, and the folder setuptools builds it from."""
    mapped = {
        name: ROOT / folder
        for name, folder in PYPROJECT["tool"]["setuptools"]["package-dir"].items()
    }
    folders = {}
    for name in PYPROJECT["tool"]["setuptools"]["packages"]:
        top, _, rest = name.partition(".")
        base = mapped.get(top, ROOT / top)
        folders[name] = base.joinpath(*rest.split(".")) if rest else base
    return folders


def repository_files() -> list[str]:
    """The files a clone of the working tree holds: tracked or new, never ignored ones
    (caches, virtual environments, node_modules, build output), and present on disk."""
    git = shutil.which("git")
    if git is None:
        pytest.fail("git is needed to list the repository's files")
    listed = subprocess.run(
        [git, "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
        cwd=ROOT,
        capture_output=True,
        check=True,
        timeout=60,
    ).stdout.decode("utf-8")
    return sorted(path for path in listed.split("\0") if path and (ROOT / path).is_file())


def copy_repository(destination: Path) -> Path:
    """A copy of the working tree's files in `destination`, so that builds write their
    egg-info and build/ folders there and never in the repository."""
    for relative in repository_files():
        target = destination / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / relative, target)
    return destination


def user_env(venv: Venv | None = None, **extra: str) -> dict[str, str]:
    """The environment of a user's shell: this process's, less its virtual environment,
    Python path and Retell variables, with `venv`'s scripts first on PATH."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in _CALLER_VARIABLES and not key.startswith("RETELL_")
    }
    if venv is not None:
        env["PATH"] = f"{venv.bin}{os.pathsep}{env.get('PATH', '')}"
    env.update(extra)
    return env


def run(
    command: list[str],
    cwd: Path,
    env: dict[str, str] | None = None,
    timeout: float = COMMAND_TIMEOUT_S,
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command,
        cwd=cwd,
        env=env if env is not None else user_env(),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def require_ok(result: subprocess.CompletedProcess[str], what: str) -> None:
    if result.returncode != 0:
        pytest.fail(
            f"{what} exited {result.returncode}:\n{result.stdout[-6000:]}\n{result.stderr[-6000:]}"
        )


@dataclass(frozen=True)
class Venv:
    """A virtual environment made by `python -m venv`."""

    root: Path

    @property
    def bin(self) -> Path:
        return self.root / "bin"

    @property
    def python(self) -> Path:
        return self.bin / "python"

    def script(self, name: str) -> str:
        return str(self.bin / name)

    def site_packages(self) -> Path:
        found = sorted(self.root.glob("lib/python3.*/site-packages"))
        assert len(found) == 1, found
        return found[0]

    def pip_install(self, *targets: str, cwd: Path) -> None:
        command = [str(self.python), "-m", "pip", "install", "--no-input", "--quiet", *targets]
        require_ok(
            run(command, cwd, user_env(self), timeout=INSTALL_TIMEOUT_S),
            f"pip install {' '.join(targets)}",
        )

    def distributions(self) -> set[str]:
        """The canonical names of what is installed in it."""
        listing = run(
            [
                str(self.python),
                "-c",
                "import importlib.metadata as m; print('\\n'.join(d.metadata['Name'] "
                "for d in m.distributions()))",
            ],
            self.root,
            user_env(self),
        )
        require_ok(listing, "listing the installed distributions")
        return {canonical(name) for name in listing.stdout.split()}


def make_venv(root: Path) -> Venv:
    """A fresh virtual environment of this interpreter's base Python, with nothing in it
    but pip."""
    require_ok(run([sys.executable, "-m", "venv", str(root)], root.parent), "python -m venv")
    return Venv(root)
