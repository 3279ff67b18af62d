"""Mock server speed and memory, side by side with Stoplight Prism serving the same spec.

`python -m benchmarks mock_speed` (part of `make bench`). Load: wrk (Debian package,
installed with apt-get when missing), valid requests to the spec's first operation (its
fullest request example, from the IR), 16 concurrent connections, on 127.0.0.1 only.
Prism (npm @stoplight/prism-cli, pinned) is installed by this script under
benchmarks/.peers/. Each server is its own single process; rounds alternate between
them so that the load of a shared machine falls on all alike, and the median round is
reported. Prism is measured twice: as shipped (`prism mock SPEC`, which logs every
request; its output is discarded), the peer of the targets, and with its logging turned
down (`-v error`), reported alongside so that the comparison hides nothing.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

from generator.ir import load_api

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "spec" / "openapi.yaml"
PEERS = ROOT / "benchmarks" / ".peers"
PRISM_PACKAGE = "@stoplight/prism-cli"
PRISM_VERSION = "5.14.2"
PRISM_DIR = PEERS / f"prism-{PRISM_VERSION}"

API_KEY = "benchmark-key"
OPERATION = load_api().operations[0]  # POST /v2/create-phone-call
PATH = OPERATION.path
STATUS = OPERATION.success.status


def _fullest_example() -> str:
    """The request example with the most fields: every echo and rule of the mock at work."""
    examples = [value for _, value in OPERATION.request.examples] if OPERATION.request else []
    sized = [value for value in examples if isinstance(value, dict)]
    return json.dumps(max(sized, key=len) if sized else {}, separators=(",", ":"))


BODY = _fullest_example()
CONNECTIONS = 16
ROUND_S = 5
ROUNDS = 3
WARMUP_S = 2
MEMORY_CHECKPOINTS = (10_000, 100_000)

THROUGHPUT_TARGET = 6.0
P99_TARGET = 1 / 3
MEMORY_TARGET = 0.10


@dataclass(frozen=True)
class Load:
    requests_per_s: float
    p50_ms: float
    p99_ms: float
    requests: int
    bad_responses: int


def run() -> str:
    wrk = ensure_wrk()
    prism = ensure_prism()
    with tempfile.TemporaryDirectory() as tmp:
        script = Path(tmp) / "post.lua"
        script.write_text(lua_script(), encoding="utf-8")
        with (
            serve_mock() as (mock_url, _),
            serve_prism(prism) as prism_url,
            serve_prism(prism, "-v", "error") as quiet_url,
        ):
            rounds = alternate(wrk, script, [mock_url, prism_url, quiet_url])
        with serve_mock() as (url, pid):
            rss = memory_profile(wrk, Path(tmp), url, pid)
    mock, shipped, quiet = (median(r) for r in rounds)
    return render(mock, shipped, quiet, rss)


def ensure_wrk() -> str:
    found = shutil.which("wrk")
    if found is None:
        apt = ["apt-get", "install", "-y", "--no-install-recommends", "wrk"]
        if subprocess.run(apt, capture_output=True, timeout=600, check=False).returncode:
            subprocess.run(["apt-get", "update"], capture_output=True, timeout=600, check=True)
            subprocess.run(apt, capture_output=True, timeout=600, check=True)
        found = shutil.which("wrk")
    if found is None:
        raise RuntimeError("wrk is not installed and `apt-get install wrk` did not provide it")
    return found


def ensure_prism() -> Path:
    binary = PRISM_DIR / "node_modules" / ".bin" / "prism"
    if not binary.exists():
        PRISM_DIR.mkdir(parents=True, exist_ok=True)
        npm = ["npm", "install", "--no-audit", "--no-fund", "--loglevel=error", "--prefix"]
        package = f"{PRISM_PACKAGE}@{PRISM_VERSION}"
        subprocess.run([*npm, str(PRISM_DIR), package], check=True, timeout=900)
    return binary


def lua_script(stop_after: int | None = None) -> str:
    """wrk's script: POST the body; count answers other than the operation's success status
    (201); optionally stop after N answers."""
    stop = f"if answers >= {stop_after} then wrk.thread:stop() end" if stop_after else ""
    return f"""
wrk.method = "POST"
wrk.body = '{BODY}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer {API_KEY}"
answers = 0
bad = 0
response = function(status, headers, body)
  answers = answers + 1
  if status ~= {STATUS} then bad = bad + 1 end
  {stop}
end
done = function(summary, latency, requests)
  local bad_total = 0
  for _, thread in ipairs(threads_list) do bad_total = bad_total + thread:get("bad") end
  io.write(string.format("BAD %d\\n", bad_total))
end
threads_list = {{}}
setup = function(thread) table.insert(threads_list, thread) end
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextmanager
def process(command: list[str], url: str, env: dict[str, str] | None = None) -> Iterator[int]:
    """Run a server process until the block ends; yields its pid once it answers."""
    child = subprocess.Popen(
        command,
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_until_created(url)
        yield child.pid
    finally:
        child.terminate()
        try:
            child.wait(timeout=10)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait(timeout=10)


def wait_until_created(url: str, timeout_s: float = 60) -> None:
    """Wait until the server answers a valid request with its success status (201), checked
    once, for both."""
    headers = {"Authorization": f"Bearer {API_KEY}", "Content-Type": "application/json"}
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        try:
            response = httpx.post(url + PATH, content=BODY, headers=headers, timeout=5)
        except httpx.TransportError:
            time.sleep(0.2)
            continue
        if response.status_code != STATUS:
            raise RuntimeError(f"{url} answered {response.status_code}: {response.text[:200]}")
        return
    raise TimeoutError(f"{url} did not answer within {timeout_s} s")


@contextmanager
def serve_mock() -> Iterator[tuple[str, int]]:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    command = [sys.executable, "-m", "mock_server", "--host", "127.0.0.1", "--port", str(port)]
    with process(command, url, env={"RETELL_MOCK_API_KEY": API_KEY}) as pid:
        yield url, pid


@contextmanager
def serve_prism(binary: Path, *options: str) -> Iterator[str]:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    command = [str(binary), "mock", str(SPEC), "-h", "127.0.0.1", "-p", str(port), *options]
    with process(command, url):
        yield url


def wrk_command(wrk: str, script: Path, url: str, duration_s: int) -> list[str]:
    return [
        wrk, "-t1", f"-c{CONNECTIONS}", f"-d{duration_s}s", "--latency",
        "-s", str(script), url + PATH,
    ]  # fmt: skip


def load(wrk: str, script: Path, url: str, duration_s: int = ROUND_S) -> Load:
    command = wrk_command(wrk, script, url, duration_s)
    output = subprocess.run(
        command, check=True, capture_output=True, text=True, timeout=duration_s + 120
    ).stdout
    return parse_wrk(output)


def parse_wrk(output: str) -> Load:
    rate = re.search(r"Requests/sec:\s+([\d.]+)", output)
    p50 = re.search(r"50%\s+([\d.]+)(us|ms|s)", output)
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)", output)
    total = re.search(r"(\d+) requests in", output)
    bad = re.search(r"BAD (\d+)", output)
    if not (rate and p50 and p99 and total and bad):
        raise RuntimeError(f"cannot read wrk's output:\n{output}")
    errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    socket_errors = sum(int(n) for n in errors.groups()) if errors else 0
    return Load(
        requests_per_s=float(rate.group(1)),
        p50_ms=_ms(p50.group(1), p50.group(2)),
        p99_ms=_ms(p99.group(1), p99.group(2)),
        requests=int(total.group(1)),
        bad_responses=int(bad.group(1)) + socket_errors,
    )


def _ms(value: str, unit: str) -> float:
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def alternate(wrk: str, script: Path, urls: list[str]) -> list[list[Load]]:
    """ROUNDS rounds of each server in turn, after a warm-up of each."""
    for url in urls:
        load(wrk, script, url, WARMUP_S)
    rounds: list[list[Load]] = [[] for _ in urls]
    for _ in range(ROUNDS):
        for url, results in zip(urls, rounds, strict=True):
            results.append(load(wrk, script, url))
    return rounds


def median(rounds: list[Load]) -> Load:
    """The round with the median throughput."""
    ranked = sorted(rounds, key=lambda r: r.requests_per_s)
    return ranked[len(ranked) // 2]


def rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text(encoding="ascii").splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError(f"no VmRSS for pid {pid}")


def memory_profile(wrk: str, tmp: Path, url: str, pid: int) -> list[tuple[int, int]]:
    """RSS (KiB) of the mock after each checkpoint's total number of requests.

    wrk runs in 1 s bursts (a stopped wrk thread still waits for the whole duration),
    the last burst of each checkpoint stopping at the exact count; bounded by a deadline.
    """
    sent = 0
    checkpoints: list[tuple[int, int]] = []
    deadline = time.monotonic() + 600
    for target in MEMORY_CHECKPOINTS:
        while sent < target:
            if time.monotonic() > deadline:
                raise TimeoutError(f"memory profile: only {sent} requests in 600 s")
            script = tmp / "burst.lua"
            script.write_text(lua_script(stop_after=target - sent), encoding="utf-8")
            sent += load(wrk, script, url, duration_s=1).requests
        checkpoints.append((sent, rss_kib(pid)))
    return checkpoints


def render(mock: Load, prism: Load, quiet: Load, rss: list[tuple[int, int]]) -> str:
    throughput = mock.requests_per_s / prism.requests_per_s
    latency = mock.p99_ms / prism.p99_ms
    quiet_throughput = mock.requests_per_s / quiet.requests_per_s
    quiet_latency = mock.p99_ms / quiet.p99_ms
    (first_n, first_kib), (last_n, last_kib) = rss[0], rss[-1]
    growth = (last_kib - first_kib) / first_kib
    load_avg = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    example = " ".join(wrk_command("wrk", Path("post.lua"), "http://127.0.0.1:PORT", ROUND_S))
    return "\n".join(
        [
            "## Mock server: throughput, latency and memory",
            "",
            "Command: `python -m benchmarks mock_speed` (in `make bench`); each round is "
            f"`{example}` (valid requests, the spec's fullest example of `{OPERATION.label}`, "
            f"every answer checked to be {STATUS}), {ROUNDS} "
            f"rounds per server in turn after a {WARMUP_S} s warm-up, median round shown. "
            f"Stoplight Prism {PRISM_VERSION} serves the same spec, as shipped (`prism mock "
            "spec/openapi.yaml`, logging each request, output discarded) and with logging "
            "turned down (`-v error`). mock_server runs as shipped (`python -m mock_server`: "
            "no per-request logging; every request and answer checked by the generated "
            "validator; the hardened protocol with its default limits). Each server is one "
            "process on 127.0.0.1 of a 2-core "
            f"machine shared with other jobs; load average at the end: {load_avg}.",
            "",
            "| server | requests/s | p50 (ms) | p99 (ms) | requests | non-201 or errors |",
            "|---|---:|---:|---:|---:|---:|",
            _row("mock_server", mock),
            _row(f"Prism {PRISM_VERSION} as shipped", prism),
            _row(f"Prism {PRISM_VERSION} `-v error`", quiet),
            "",
            "| target (peer: Prism as shipped) | measured | met | against Prism `-v error` |",
            "|---|---|---|---|",
            f"| throughput >= {THROUGHPUT_TARGET:g}x Prism's | {throughput:.1f}x | "
            f"{_met(throughput >= THROUGHPUT_TARGET)} | {quiet_throughput:.1f}x, "
            f"{_met(quiet_throughput >= THROUGHPUT_TARGET)} |",
            f"| p99 <= 1/3 of Prism's | {latency:.2f}x | {_met(latency <= P99_TARGET)} | "
            f"{quiet_latency:.2f}x, {_met(quiet_latency <= P99_TARGET)} |",
            f"| RSS after {last_n:,} requests within 10% of RSS after {first_n:,} | "
            f"{last_kib / 1024:.1f} MiB vs {first_kib / 1024:.1f} MiB ({growth:+.1%}) | "
            f"{_met(abs(growth) <= MEMORY_TARGET)} | |",
            "",
        ]
    )


def _row(name: str, result: Load) -> str:
    return (
        f"| {name} | {result.requests_per_s:,.0f} | {result.p50_ms:.2f} | {result.p99_ms:.2f} "
        f"| {result.requests:,} | {result.bad_responses} |"
    )


def _met(ok: bool) -> str:
    return "yes" if ok else "**no**"


if __name__ == "__main__":
    print(run())
