"""The generated TypeScript client: `tsc --strict` on it, then its tests under `node --test`.

The pinned toolchain (tools/typescript, `npm ci`) is installed on first use. The tests compile
into build/typescript (gitignored, outside generated/) and run against a node:http server that
each test starts on 127.0.0.1 and a free port. Beside them: the package builds with `npm run
build` and works from dist/, its README examples compile, npm leaves no file the drift check
would flag, and hostile spec strings stay in comments and literals.
"""

from __future__ import annotations

import fcntl
import json
import os
import re
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


def test_the_package_pins_the_compiler_of_tools_typescript() -> None:
    manifest = json.loads((PACKAGE / "package.json").read_text(encoding="utf-8"))
    tools = json.loads((TOOLS / "package.json").read_text(encoding="utf-8"))
    assert manifest["devDependencies"] == {"typescript": tools["devDependencies"]["typescript"]}
    assert manifest["scripts"]["build"] == "tsc -p tsconfig.json"


CALL_SCRIPT = """
import { createServer } from "node:http";
import Retell, { ValidationError } from "retell-client";

const server = createServer((request, response) => {
  let body = "";
  request.on("data", (chunk) => (body += chunk));
  request.on("end", () => {
    response.writeHead(201, { "content-type": "application/json" });
    response.end(JSON.stringify({
      call_type: "phone_call", direction: "outbound", call_id: "call_1", agent_id: "agent_1",
      call_status: "registered", ...JSON.parse(body), path: request.url,
    }));
  });
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const baseURL = `http://127.0.0.1:${server.address().port}`;
const client = new Retell({ apiKey: "key_0123", baseURL });
const numbers = { from_number: "+14155550100", to_number: "+14155550123" };
const call = await client.call.createPhoneCall(numbers);
const refused = await client.call.createPhoneCall({ ...numbers, to_number: "555" }).catch((e) => e);
server.close();
console.log(JSON.stringify({
  call_id: call.call_id, path: call.path, to: call.to_number,
  refused: refused instanceof ValidationError ? refused.rule : String(refused),
}));
"""


def test_a_copy_of_the_package_builds_with_npm_run_build_and_works_from_dist(
    tsc: Path, node: str, tmp_path: Path
) -> None:
    """What the README says: `npm install && npm run build`. The install is the pinned compiler
    of tools/typescript linked in (tests reach no registry); `npm run build` is the real one."""
    package = tmp_path / "retell-client"
    shutil.copytree(PACKAGE, package, ignore=shutil.ignore_patterns("node_modules", "dist"))
    bin_dir = package / "node_modules" / ".bin"
    bin_dir.mkdir(parents=True)
    (package / "node_modules" / "typescript").symlink_to(TOOLS / "node_modules" / "typescript")
    (bin_dir / "tsc").symlink_to(Path("..") / "typescript" / "bin" / "tsc")
    npm = shutil.which("npm") or "npm"
    build = subprocess.run(
        [npm, "run", "build"], cwd=package, capture_output=True, text=True, timeout=180, check=False
    )
    _require_ok(build, "npm run build in a copy of generated/typescript")
    for built in ("index.js", "index.d.ts", "client.js", "core.js", "validation.js", "schemas.js"):
        assert (package / "dist" / built).is_file(), built
    # An application that depends on the package: resolved through package.json's exports.
    app = tmp_path / "app"
    (app / "node_modules").mkdir(parents=True)
    (app / "node_modules" / "retell-client").symlink_to(package)
    (app / "package.json").write_text('{"type": "module"}\n', encoding="utf-8")
    (app / "call.mjs").write_text(CALL_SCRIPT, encoding="utf-8")
    env = {key: value for key, value in os.environ.items() if not key.startswith("RETELL_")}
    result = subprocess.run(
        [node, "call.mjs"],
        cwd=app,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env=env,
    )
    _require_ok(result, "node call.mjs (importing the built package)")
    answer = json.loads(result.stdout)
    assert answer == {
        "call_id": "call_1",
        "path": "/v2/create-phone-call",
        "to": "+14155550123",
        "refused": "e164_numbers",
    }


def test_npm_in_the_package_writes_no_lock_file(node: str) -> None:
    """`npm install` inside generated/typescript must not leave a file the drift check would
    call extra: the package's .npmrc turns package-lock.json off (node_modules and dist are
    ignored by the drift check)."""
    npm = shutil.which("npm") or "npm"
    result = subprocess.run(
        [npm, "config", "get", "package-lock"],
        cwd=PACKAGE,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    _require_ok(result, "npm config get package-lock")
    assert result.stdout.strip() == "false"


def test_an_installed_and_built_package_is_not_stale(tmp_path: Path) -> None:
    """What `npm install && npm run build` leaves (node_modules/, dist/, a lock file) is not
    drift."""
    from generator.emit.typescript import emit
    from generator.ir import load_api
    from generator.write import diff_files

    copy = tmp_path / "generated"
    shutil.copytree(
        PACKAGE, copy / "typescript", ignore=shutil.ignore_patterns("node_modules", "dist")
    )
    (copy / "typescript" / "node_modules" / "typescript").mkdir(parents=True)
    (copy / "typescript" / "node_modules" / "typescript" / "package.json").write_text("{}\n")
    (copy / "typescript" / "dist").mkdir()
    (copy / "typescript" / "dist" / "index.js").write_text("export {};\n")
    (copy / "typescript" / "package-lock.json").write_text("{}\n")  # an npm without the .npmrc
    assert diff_files(copy, emit(load_api())) == ""


README_TSCONFIG = {
    "compilerOptions": {
        "strict": True,
        "noEmit": True,
        "target": "ES2022",
        "lib": ["ES2022", "DOM"],
        "module": "NodeNext",
        "moduleResolution": "NodeNext",
        "types": [],
        "paths": {},
    },
    "files": ["readme.mts"],
}


@pytest.mark.parametrize("package", [PACKAGE, GOLDEN_TINY], ids=["generated", "golden-tiny"])
def test_the_readme_examples_compile_against_the_package(
    tsc: Path, package: Path, tmp_path: Path
) -> None:
    """The ```ts blocks of the README, in order, are one module that type-checks (strict)."""
    readme = (package / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"^```ts\n(.*?)^```$", readme, flags=re.MULTILINE | re.DOTALL)
    assert len(blocks) >= 2, "the README lost its examples"
    name = json.loads((package / "package.json").read_text(encoding="utf-8"))["name"]
    (tmp_path / "readme.mts").write_text("\n".join(blocks), encoding="utf-8")
    config = json.loads(json.dumps(README_TSCONFIG))
    config["compilerOptions"]["paths"] = {name: [str(package / "src" / "index.ts")]}
    (tmp_path / "tsconfig.json").write_text(json.dumps(config), encoding="utf-8")
    _require_ok(_run([str(tsc), "-p", str(tmp_path)], timeout=120), "tsc on the README examples")


def test_hostile_spec_strings_compile_and_stay_in_comments_or_literals(
    tsc: Path, tmp_path: Path
) -> None:
    """Every description slot of tests/generator/specs.py holding quotes of every kind, a
    backslash, Jinja syntax, a newline and code: the package still compiles under --strict, and
    the code appears only in doc comments or inside string literals."""
    from generator.emit.typescript import emit
    from generator.ir.build import build_api
    from generator.load import load_spec
    from tests.generator.specs import NASTY, tiny_spec

    spec = tmp_path / "nasty.yaml"
    spec.write_text(tiny_spec(NASTY), encoding="utf-8")
    out = tmp_path / "out"
    for relative, text in emit(build_api(load_spec(spec))).items():
        (out / relative).parent.mkdir(parents=True, exist_ok=True)
        (out / relative).write_text(text, encoding="utf-8")
    package = out / "typescript"
    _require_ok(_run([str(tsc), "-p", str(package), "--noEmit", "--strict"], timeout=120), "tsc")
    for source in sorted((package / "src").glob("*.ts")):
        for line in source.read_text(encoding="utf-8").splitlines():
            if "os.system" not in line:
                continue
            stripped = line.strip()
            in_comment = stripped.startswith(("*", "/**", "//"))
            in_literal = re.search(r'"(?:[^"\\]|\\.)*os\.system(?:[^"\\]|\\.)*"', line) is not None
            assert in_comment or in_literal, f"{source.name}: {line}"
