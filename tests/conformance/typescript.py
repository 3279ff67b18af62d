"""Compiling and running the TypeScript runner (tests/typescript/conformance.test.mts) against
the package of a repository-shaped tree: the real one, or a copy with a planted bug."""

from __future__ import annotations

import fcntl
import json
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from tests.conformance.vectors import ROOT

TOOLS = ROOT / "tools" / "typescript"
TSC = TOOLS / "node_modules" / ".bin" / "tsc"
RUNNER = Path("tests") / "typescript" / "conformance.test.mts"
TIMEOUT_S = 300


@dataclass(frozen=True)
class NodeRun:
    returncode: int
    output: str
    passed: list[str]
    failed: list[str]


def node() -> str:
    found = shutil.which("node")
    if found is None:
        raise RuntimeError("node (>= 18) is needed to run the TypeScript conformance runner")
    return found


def install_compiler() -> None:
    """The pinned compiler (tools/typescript), installed with `npm ci` once; the lock is the
    one tests/typescript takes, so parallel workers never install it twice at once."""
    lock_path = ROOT / "build" / "typescript-install.lock"
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    with lock_path.open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            if not TSC.exists():
                npm = shutil.which("npm") or "npm"
                command = [npm, "ci", "--prefix", str(TOOLS), "--no-audit", "--no-fund"]
                result = subprocess.run(
                    command, capture_output=True, text=True, timeout=TIMEOUT_S, check=False
                )
                _check(result, "npm ci in tools/typescript")
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def compile_runner(tree: Path, build: Path) -> None:
    """tsc --strict on the runner and the package it imports (tree/generated/typescript)."""
    install_compiler()
    shutil.rmtree(build, ignore_errors=True)
    build.mkdir(parents=True)
    config = {
        "extends": str(tree / "generated" / "typescript" / "tsconfig.json"),
        "compilerOptions": {
            "rootDir": str(tree),
            "outDir": str(build),
            "types": ["node"],
            "typeRoots": [str(TOOLS / "node_modules" / "@types")],
            "declaration": False,
            "sourceMap": False,
            "noEmit": False,
        },
        "files": [str(tree / RUNNER)],
    }
    (build / "tsconfig.json").write_text(json.dumps(config), encoding="utf-8")
    (build / "package.json").write_text('{"type": "module"}\n', encoding="utf-8")
    result = subprocess.run(
        [str(TSC), "-p", str(build / "tsconfig.json")],
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
        check=False,
    )
    _check(result, "tsc --strict on the conformance runner")


def run_runner(tree: Path, build: Path) -> NodeRun:
    """node --test on the compiled runner, reading the vectors of `tree`; each vector's verdict
    from the TAP output."""
    compiled = build / RUNNER.with_suffix(".mjs")
    env = {key: value for key, value in os.environ.items() if not key.startswith("RETELL_")}
    env["CONFORMANCE_ROOT"] = str(tree)
    result = subprocess.run(
        [node(), "--test", "--test-reporter=tap", str(compiled)],
        cwd=tree,
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
        check=False,
        env=env,
    )
    passed = re.findall(r"^ok \d+ - (.+?)(?: # .*)?$", result.stdout, re.MULTILINE)
    failed = re.findall(r"^not ok \d+ - (.+?)(?: # .*)?$", result.stdout, re.MULTILINE)
    return NodeRun(result.returncode, result.stdout + result.stderr, passed, failed)


def _check(result: subprocess.CompletedProcess[str], what: str) -> None:
    if result.returncode != 0:
        raise AssertionError(
            f"{what} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}"
        )
