"""Generator and generated Python client speed, each figure beside a peer measured in the same run.

- `python -m generator generate` (every language: Python, TypeScript, Go and the conformance
  vectors) from scratch, and a no-op regeneration, against openapi-python-client generating
  Python alone from the same spec.
- The Python client's per-call time against raw `httpx.Client.post` on the same mock.
- `import retell_client` against the vendor's retell-sdk 3.20.0 (`import retell`); 6.2.13 as
  information.

Peers are installed by this script into benchmarks/.peers/<name> virtual environments.
Run: `python -m benchmarks generator_speed` (or `make bench`).
"""

from __future__ import annotations

import importlib
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from benchmarks.measure import checked, median_walls, peer_venv, ratio, table, yes
from benchmarks.servers import serving
from generator.emit.python import naming
from generator.ir import Api, Operation, load_api

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "spec" / "openapi.yaml"
OPENAPI_PYTHON_CLIENT = ("openapi-python-client==0.29.1",)
RETELL_SDK = ("retell-sdk==3.20.0", "httpx<0.28")  # 3.20.0 breaks on httpx 0.28
RETELL_SDK_NEW = ("retell-sdk==6.2.13",)
RUNS = 5
CALLS = 2000  # per variant
BATCH = 50  # calls of one variant in a row, the variants taking turns
WARM_UP_CALLS = 50
IMPORT_RUNS = 9
NOOP_LIMIT_S = 0.15
CALL_RATIO_TARGET = 1.10
IMPORT_RATIO_TARGET = 0.2
API_KEY = "benchmark-client-key"


def run() -> str:
    generation = generation_rows()
    calls = call_rows()
    imports = import_rows()
    return "\n".join(
        [
            "## Generator and generated Python client",
            "",
            "Command: `python -m benchmarks generator_speed` (benchmarks/generator_speed.py).",
            "Wall times include the start-up of each tool's Python process.",
            "",
            *generation,
            "",
            *calls,
            "",
            *imports,
            "",
            CHANGES,
        ]
    )


CHANGES = (
    "Changed since the previous figures: generation no longer runs datamodel-code-generator "
    "(the models are emitted from the IR by the generator's own templates), so its peer row "
    "is gone; a full generation now also writes the Go module and the conformance vectors. "
    "The client is `Retell` (`client.<resource>.<method>`, was `RetellClient`), the per-call "
    "target is 1.10x (was 1.2x), raw httpx now also decodes the JSON answer (as a caller "
    "would), and the mock serves from a process of its own (was a thread of the benchmark's)."
)


# --- generation -----------------------------------------------------------------------------


def generation_rows() -> list[str]:
    opc = peer_venv("bench-openapi-python-client", OPENAPI_PYTHON_CLIENT)  # installed untimed
    with tempfile.TemporaryDirectory(prefix="bench-gen-") as directory:
        scratch = Path(directory)
        generate(scratch / "noop")
        full, noop, peer = median_walls(
            RUNS,
            lambda turn: generate(scratch / f"full{turn}"),
            lambda turn: generate(scratch / "noop"),
            lambda turn: openapi_python_client(opc, scratch / f"opc{turn}"),
        )
    full_ratio = ratio(full, peer)
    rows = [
        [
            "generate, every language",
            f"{full:.3f}",
            "openapi-python-client 0.29.1 (Python only)",
            f"{peer:.3f}",
            f"{full_ratio:.2f}x",
            "< 1x",
            yes(full_ratio < 1),
        ],
        [
            "no-op regeneration",
            f"{noop:.3f}",
            "-",
            "-",
            "-",
            f"< {NOOP_LIMIT_S} s",
            yes(noop < NOOP_LIMIT_S),
        ],
    ]
    header = ["what", "wall time (s)", "peer", "peer (s)", "ratio", "target", "met"]
    return [
        *table(header, rows, [False, True, False, True, True, False, False]),
        "",
        f"Commands: `python -m generator generate --spec spec/openapi.yaml --out DIR` (Python, "
        "TypeScript, Go and the conformance vectors: what `make generate` writes) into a new "
        "folder each time, the same into a folder that is up to date (the no-op), and "
        "`openapi-python-client generate --path spec/openapi.yaml --output-path DIR "
        f"--overwrite` with its default post-hooks (ruff from its venv). Median of {RUNS} runs "
        "each, the three taking turns.",
    ]


def generate(out: Path) -> None:
    checked([sys.executable, "-m", "generator", "generate", "--spec", SPEC, "--out", out])


def openapi_python_client(venv: Path, out: Path) -> None:
    tool = venv / "bin" / "openapi-python-client"
    env = os.environ | {"PATH": f"{tool.parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    command: list[str | Path] = [
        tool,
        "generate",
        "--path",
        SPEC,
        "--output-path",
        out,
        "--overwrite",
    ]
    checked(command, cwd=out.parent, env=env)  # its post-hooks run the ruff of its venv


# --- per-call time --------------------------------------------------------------------------


def first_example(operation: Operation) -> dict[str, Any]:
    """The operation's first request example (the spec's own valid body)."""
    examples = operation.request.examples if operation.request else ()
    for _, value in examples:
        if isinstance(value, dict):
            return value
    raise RuntimeError(f"{operation.label} has no object request example to send")


def client_method(client: object, operation: Operation) -> Callable[..., object]:
    """`client.<resource>.<method>` of `operation`, by the names the IR gives it."""
    resource = getattr(client, operation.resource.snake)
    method: Callable[..., object] = getattr(resource, operation.name.snake)
    return method


def call_rows() -> list[str]:
    import httpx

    api = load_api()
    operation = next(op for op in api.operations if not op.deprecated)
    body = first_example(operation)
    package = importlib.import_module(naming.package(api))
    client_class = getattr(package, naming.client_class(api))
    with serving("mock", api_key=API_KEY) as url:
        raw = httpx.Client(base_url=url, headers={api.auth_header: f"Bearer {API_KEY}"})
        ours = client_class(api_key=API_KEY, base_url=url, max_retries=0)
        strict = ours.with_options(strict_response_validation=True)
        lenient_call = client_method(ours, operation)
        strict_call = client_method(strict, operation)

        def raw_call() -> None:
            answer = raw.post(operation.path, json=body)
            answer.raise_for_status()
            answer.json()

        raw_us, ours_us, strict_us = per_call_microseconds(
            raw_call, lambda: lenient_call(**body), lambda: strict_call(**body)
        )
        raw.close()
        ours.close()
    return call_table(api, operation, raw_us, ours_us, strict_us)


def call_table(
    api: Api, operation: Operation, raw_us: float, ours_us: float, strict_us: float
) -> list[str]:
    method = f"{naming.client_class(api)}().{operation.resource.snake}.{operation.name.snake}"
    lenient_ratio, strict_ratio = ratio(ours_us, raw_us), ratio(strict_us, raw_us)
    peer = "raw httpx.Client.post + .json()"
    rows = [
        [
            f"`{method}`",
            f"{ours_us:.0f}",
            peer,
            f"{raw_us:.0f}",
            f"{lenient_ratio:.2f}x",
            f"<= {CALL_RATIO_TARGET:.2f}x",
            yes(lenient_ratio <= CALL_RATIO_TARGET),
        ],
        [
            "the same, `strict_response_validation=True`",
            f"{strict_us:.0f}",
            peer,
            f"{raw_us:.0f}",
            f"{strict_ratio:.2f}x",
            "info",
            "-",
        ],
    ]
    header = ["per call (mock, loopback)", "µs", "peer", "peer µs", "ratio", "target", "met"]
    return [
        *table(header, rows, [False, True, False, True, True, False, False]),
        "",
        f"Median per-call time over {CALLS} calls of each variant, in turns of {BATCH}, after "
        f"{WARM_UP_CALLS} warm-up calls each, all sending the spec's first request example of "
        f"`{operation.label}` to one `mock_server.create_app()` serving from a process of its "
        "own on 127.0.0.1 (`benchmarks/servers.py mock`). The client (max_retries=0) checks "
        "the request with the generated validator and builds the response model; raw httpx "
        "checks nothing. By default answers are lenient (built as sent); the strict row also "
        "validates every answer against the success schema.",
    ]


def per_call_microseconds(*variants: Callable[[], object]) -> list[float]:
    for warm in variants:
        for _ in range(WARM_UP_CALLS):
            warm()
    samples: list[list[float]] = [[] for _ in variants]
    for _ in range(CALLS // BATCH):
        for variant, bucket in zip(variants, samples, strict=True):
            for _ in range(BATCH):
                started = time.perf_counter()
                variant()
                bucket.append((time.perf_counter() - started) * 1e6)
    return [statistics.median(bucket) for bucket in samples]


# --- import time ----------------------------------------------------------------------------

IMPORT_PROBE = "import time; t = time.perf_counter(); {statement}; print(time.perf_counter() - t)"


def import_rows() -> list[str]:
    api = load_api()
    package, client = naming.package(api), naming.client_class(api)
    python = Path(sys.executable)
    sdk = peer_venv("bench-retell-sdk-3.20.0", RETELL_SDK) / "bin" / "python"
    new_sdk = peer_venv("bench-retell-sdk-6.2.13", RETELL_SDK_NEW) / "bin" / "python"
    for peer in (sdk, new_sdk):
        import_seconds(peer, "import retell", runs=1)  # the first run writes the .pyc files
    import_seconds(python, f"from {package} import {client}", runs=1)
    ours = import_seconds(python, f"import {package}")
    ours_full = import_seconds(python, f"from {package} import {client}")
    theirs = import_seconds(sdk, "import retell")
    theirs_full = import_seconds(sdk, "from retell import Retell")
    new = import_seconds(new_sdk, "import retell")
    new_full = import_seconds(new_sdk, "from retell import Retell")
    return import_table(package, client, (ours, ours_full), (theirs, theirs_full), (new, new_full))


def import_table(
    package: str,
    client: str,
    ours: tuple[float, float],
    old: tuple[float, float],
    new: tuple[float, float],
) -> list[str]:
    statements = (f"`import {package}`", f"`from {package} import {client}`")
    peers = ("`import retell`", "`from retell import Retell`")
    rows = []
    for index, (statement, peer) in enumerate(zip(statements, peers, strict=True)):
        old_ratio, new_ratio = ratio(ours[index], old[index]), ratio(ours[index], new[index])
        target = f"< {IMPORT_RATIO_TARGET}" if index == 0 else "info"
        met = yes(old_ratio < IMPORT_RATIO_TARGET) if index == 0 else "-"
        rows.append(
            [
                statement,
                f"{ours[index] * 1e3:.1f}",
                peer,
                f"{old[index] * 1e3:.1f}",
                f"{old_ratio:.2f}",
                target,
                met,
                f"{new[index] * 1e3:.1f}",
                f"{new_ratio:.2f}",
            ]
        )
    header = ["import", "ms", "peer", "retell-sdk 3.20.0 ms", "ratio", "target", "met"]
    header += ["retell-sdk 6.2.13 ms (info)", "ratio (info)"]
    numeric = [False, True, False, True, True, False, False, True, True]
    return [
        *table(header, rows, numeric),
        "",
        f"Median of {IMPORT_RUNS} fresh interpreters each, timed inside the interpreter (its "
        f"own start-up left out), .pyc files written beforehand. `{package}` loads its names "
        f"on first use (PEP 562), so the second row, which loads httpx, pydantic, the models "
        "and the validator, is the cost of actually using it. Each retell-sdk runs in its own "
        "venv under benchmarks/.peers/ (3.20.0 with httpx<0.28, which it needs).",
    ]


def import_seconds(python: Path, statement: str, runs: int = IMPORT_RUNS) -> float:
    probe = IMPORT_PROBE.format(statement=statement)
    env: Mapping[str, str] = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    times = [float(checked([python, "-c", probe], env=env).stdout) for _ in range(runs)]
    return statistics.median(times)


if __name__ == "__main__":
    print(run())
