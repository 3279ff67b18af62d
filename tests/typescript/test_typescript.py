"""The generated TypeScript client: `tsc --strict` on it, then its tests under `node --test`.

The pinned toolchain (tools/typescript, `npm ci`) is installed on first use. The tests compile
into build/typescript (gitignored, outside generated/) and run against a node:http server that
each test starts on 127.0.0.1 and a free port.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TOOLS = ROOT / "tools" / "typescript"
TSC = TOOLS / "node_modules" / ".bin" / "tsc"
PACKAGE = ROOT / "generated" / "typescript"
HERE = Path(__file__).resolve().parent
# The emitter's output for the hostile tiny spec of tests/generator/test_typescript_golden.py.
GOLDEN_TINY = ROOT / "tests" / "generator" / "golden" / "typescript_tiny" / "typescript"
BUILD = ROOT / "build" / "typescript"
MIN_NODE = 18


def _run(command: list[str], timeout: float) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command, cwd=ROOT, capture_output=True, text=True, timeout=timeout, check=False
    )


def _require_ok(result: subprocess.CompletedProcess[str], what: str) -> None:
    if result.returncode != 0:
        pytest.fail(f"{what} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")


def _node_major(node: str) -> int:
    version = _run([node, "--version"], timeout=30).stdout.strip().lstrip("v")
    return int(version.split(".")[0] or 0)


@pytest.fixture(scope="module")
def node() -> str:
    found = shutil.which("node")
    if found is None or shutil.which("npm") is None:
        pytest.fail("node and npm (Node >= 18) are needed to test the TypeScript client")
    if _node_major(found) < MIN_NODE:
        pytest.fail(f"Node >= {MIN_NODE} is needed for the global fetch")
    return found


@pytest.fixture(scope="module")
def tsc(node: str) -> Path:
    """The pinned compiler, installed with `npm ci` once (a lock keeps parallel workers apart)."""
    BUILD.parent.mkdir(parents=True, exist_ok=True)
    with (BUILD.parent / "typescript-install.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not TSC.exists():
            npm = shutil.which("npm") or "npm"
            command = [npm, "ci", "--prefix", str(TOOLS), "--no-audit", "--no-fund"]
            _require_ok(_run(command, timeout=300), "npm ci in tools/typescript")
        fcntl.flock(lock, fcntl.LOCK_UN)
    return TSC


@pytest.mark.parametrize("package", [PACKAGE, GOLDEN_TINY], ids=["generated", "golden-tiny"])
def test_package_compiles_under_tsc_strict(tsc: Path, package: Path) -> None:
    result = _run([str(tsc), "-p", str(package), "--noEmit", "--strict"], timeout=120)
    _require_ok(result, f"tsc --strict -p {package.relative_to(ROOT)} --noEmit")


def test_generated_package_has_no_runtime_dependencies() -> None:
    manifest = json.loads((PACKAGE / "package.json").read_text(encoding="utf-8"))
    assert manifest["type"] == "module"
    assert "dependencies" not in manifest
    assert "peerDependencies" not in manifest
    assert manifest["engines"] == {"node": ">=18"}
    assert manifest["//"].startswith("generated from spec/openapi.yaml")


def test_typescript_client_under_node_test(tsc: Path, node: str) -> None:
    shutil.rmtree(BUILD, ignore_errors=True)
    _require_ok(_run([str(tsc), "-p", str(HERE)], timeout=120), "tsc -p tests/typescript")
    # The compiled package is ESM, like the package.json of generated/typescript says.
    (BUILD / "package.json").write_text('{"type": "module"}\n', encoding="utf-8")
    tests = sorted(str(path) for path in (BUILD / "tests" / "typescript").glob("*.test.mjs"))
    assert tests, "no compiled test files"
    env = {key: value for key, value in os.environ.items() if not key.startswith("RETELL_")}
    result = subprocess.run(
        [node, "--test", "--test-reporter=spec", *tests],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env=env,
    )
    _require_ok(result, "node --test")
