"""Generator and generated-client speed, each figure beside a peer measured in the same run.

- `python -m generator generate` (every language) from scratch, and a no-op regeneration,
  against openapi-python-client (Python alone) and datamodel-codegen alone on the same spec.
- Per-call overhead of RetellClient against the mock server, against raw httpx.Client.
- `import retell_client` against the vendor's retell-sdk 3.20.0 (`import retell`).

Peers are installed by this script into benchmarks/.peers/<name> virtual environments.
Run: `python -m benchmarks generator_speed` (or `make bench`).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "spec" / "openapi.yaml"
PEERS = Path(__file__).resolve().parent / ".peers"
OPENAPI_PYTHON_CLIENT = "openapi-python-client==0.29.1"
RETELL_SDK = ("retell-sdk==3.20.0", "httpx<0.28")
RUNS = 5
CALLS = 300
IMPORT_RUNS = 9


def run() -> str:
    generation = _generation_rows()
    calls = _call_rows()
    imports = _import_rows()
    return "\n".join(
        [
            "## Generator and generated client",
            "",
            "Command: `python -m benchmarks generator_speed` (benchmarks/generator_speed.py).",
            "Wall times include the start-up of each tool's Python process.",
            "",
            *generation,
            "",
            *calls,
            "",
            *imports,
        ]
    )


# --- generation -----------------------------------------------------------------------------


def _generation_rows() -> list[str]:
    _peer("opc", [OPENAPI_PYTHON_CLIENT])  # installed before anything is timed
    with tempfile.TemporaryDirectory(prefix="bench-gen-") as directory:
        tmp = Path(directory)
        _generator(tmp / "noop")
        full, noop, opc, dmc = _interleaved_walls(
            lambda i: _generator(tmp / f"full{i}"),
            lambda i: _generator(tmp / "noop"),
            lambda i: _openapi_python_client(tmp / f"opc{i}"),
            lambda i: _datamodel_codegen(tmp / f"dmc{i}.py"),
        )
    return [
        "| what | wall time (s) | peer | peer (s) | ratio | target | met |",
        "| --- | ---: | --- | ---: | ---: | --- | --- |",
        _row("generate, all languages", full, "openapi-python-client (Python only)", opc, "< 1x"),
        _row("generate, all languages", full, "datamodel-codegen alone (models)", dmc, "info"),
        f"| no-op regeneration | {noop:.3f} | - | - | - | < 0.15 s | {_yes(noop < 0.15)} |",
        "",
        f"Each figure is the median of {RUNS} runs, the tools taking turns so that load from "
        "other processes falls on all of them alike. A full run generates into a new folder; "
        "the no-op run regenerates a folder that is up to date. openapi-python-client runs with "
        "its default post-hooks (ruff from its venv); datamodel-codegen is the .venv's, with "
        "`--formatters builtin --disable-timestamp`.",
    ]


def _row(what: str, ours: float, peer: str, theirs: float, target: str) -> str:
    ratio = ours / theirs
    met = _yes(ratio < 1) if target != "info" else "-"
    return f"| {what} | {ours:.3f} | {peer} | {theirs:.3f} | {ratio:.2f}x | {target} | {met} |"


def _yes(flag: bool) -> str:
    return "yes" if flag else "**no**"


def _interleaved_walls(*actions: Callable[[int], None]) -> list[float]:
    times: list[list[float]] = [[] for _ in actions]
    for index in range(RUNS):
        for action, bucket in zip(actions, times, strict=True):
            start = time.perf_counter()
            action(index)
            bucket.append(time.perf_counter() - start)
    return [statistics.median(bucket) for bucket in times]


def _check(
    command: Sequence[str | Path], cwd: Path = ROOT, env: dict[str, str] | None = None
) -> str:
    result = subprocess.run(
        [str(part) for part in command], cwd=cwd, env=env, capture_output=True, text=True
    )
    if result.returncode != 0:
        raise RuntimeError(f"{command[0]} failed: {result.stderr[-2000:]}")
    return result.stdout


def _generator(out: Path) -> None:
    _check([sys.executable, "-m", "generator", "generate", "--spec", SPEC, "--out", out])


def _openapi_python_client(out: Path) -> None:
    tool = _peer("opc", [OPENAPI_PYTHON_CLIENT]) / "bin" / "openapi-python-client"
    env = {**os.environ, "PATH": f"{tool.parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    command: list[str | Path] = [tool, "generate", "--path", SPEC, "--output-path", out]
    command.append("--overwrite")
    _check(command, cwd=out.parent, env=env)  # its post-hooks run the ruff of its venv


def _datamodel_codegen(out: Path) -> None:
    tool = Path(sys.executable).parent / "datamodel-codegen"
    options = ["--input-file-type", "openapi", "--output-model-type", "pydantic_v2.BaseModel"]
    options += ["--formatters", "builtin", "--disable-timestamp"]
    _check([tool, "--input", SPEC, "--output", out, *options])


def _peer(name: str, requirements: Sequence[str]) -> Path:
    """A virtual environment under benchmarks/.peers with `requirements` (installed once)."""
    venv = PEERS / name
    stamp = venv / ".installed"
    wanted = "\n".join(requirements)
    if stamp.is_file() and stamp.read_text() == wanted:
        return venv
    _check([sys.executable, "-m", "venv", "--clear", venv])
    pip: list[str | Path] = [venv / "bin" / "python", "-m", "pip", "install", "--quiet"]
    _check([*pip, "--disable-pip-version-check", *requirements])
    stamp.write_text(wanted)
    return venv


# --- per-call overhead ----------------------------------------------------------------------


def _call_rows() -> list[str]:
    import httpx
    from retell_client import RetellClient

    from mock_server import DEFAULT_API_KEY, create_app, running_server

    body = {"from_number": "+14157774444", "to_number": "+12137774445"}
    headers = {"Authorization": f"Bearer {DEFAULT_API_KEY}"}
    with running_server(create_app()) as url:
        raw = httpx.Client(base_url=url, headers=headers)
        ours = RetellClient(api_key=DEFAULT_API_KEY, base_url=url, max_retries=0)

        def raw_call() -> None:
            raw.post("/v2/create-phone-call", json=body).raise_for_status()

        def client_call() -> None:
            ours.create_phone_call(from_number=body["from_number"], to_number=body["to_number"])

        raw_us, ours_us = _interleaved(raw_call, client_call)
        raw.close()
        ours.close()
    ratio = ours_us / raw_us
    return [
        "| per call (mock server, loopback) | µs | peer | peer µs | ratio | target | met |",
        "| --- | ---: | --- | ---: | ---: | --- | --- |",
        f"| RetellClient.create_phone_call | {ours_us:.0f} | raw httpx.Client.post | "
        f"{raw_us:.0f} | {ratio:.2f}x | <= 1.2x | {_yes(ratio <= 1.2)} |",
        "",
        f"Median per-call time over {CALLS} calls each, in alternating batches of 25, against "
        "`mock_server.create_app()` served by `mock_server.running_server` in the same process. "
        "The client validates the request and the response with the models; raw httpx does not.",
    ]


def _interleaved(first: Callable[[], None], second: Callable[[], None]) -> tuple[float, float]:
    for warm in (first, second):
        for _ in range(20):
            warm()
    samples: tuple[list[float], list[float]] = ([], [])
    for _ in range(CALLS // 25):
        for action, bucket in ((first, samples[0]), (second, samples[1])):
            for _ in range(25):
                start = time.perf_counter()
                action()
                bucket.append((time.perf_counter() - start) * 1e6)
    return statistics.median(samples[0]), statistics.median(samples[1])


# --- import time ----------------------------------------------------------------------------

IMPORT_PROBE = "import time; t = time.perf_counter(); {statement}; print(time.perf_counter() - t)"


def _import_rows() -> list[str]:
    python = Path(sys.executable)
    sdk = _peer("retell-sdk", RETELL_SDK) / "bin" / "python"
    _import_time(sdk, "import retell")  # first run compiles the .pyc files
    ours = _import_time(python, "import retell_client")
    ours_full = _import_time(python, "from retell_client import RetellClient, PhoneCallResponse")
    theirs = _import_time(sdk, "import retell")
    theirs_full = _import_time(sdk, "from retell import Retell")
    return [
        "| import | ms | peer (retell-sdk 3.20.0) | peer ms | ratio | target | met |",
        "| --- | ---: | --- | ---: | ---: | --- | --- |",
        f"| `import retell_client` | {ours * 1e3:.1f} | `import retell` | {theirs * 1e3:.1f} | "
        f"{ours / theirs:.2f} | < 0.2 | {_yes(ours / theirs < 0.2)} |",
        f"| `from retell_client import RetellClient, PhoneCallResponse` | {ours_full * 1e3:.1f} "
        f"| `from retell import Retell` | {theirs_full * 1e3:.1f} | {ours_full / theirs_full:.2f} "
        "| info | - |",
        "",
        f"Median of {IMPORT_RUNS} fresh interpreters each, timed inside the interpreter. "
        "`retell_client` loads its names on first use (PEP 562), so the second row, which "
        "loads httpx, pydantic and the models, is the cost of actually using it. retell-sdk runs "
        "in its own venv (benchmarks/.peers/retell-sdk) with httpx<0.28, which it needs.",
    ]


def _import_time(python: Path, statement: str) -> float:
    probe = IMPORT_PROBE.format(statement=statement)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    times = []
    for _ in range(IMPORT_RUNS):
        result = subprocess.run(
            [str(python), "-c", probe], capture_output=True, text=True, check=True, env=env
        )
        times.append(float(json.loads(result.stdout)))
    return statistics.median(times)


if __name__ == "__main__":
    print(run())
