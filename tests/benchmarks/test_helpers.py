"""Smoke tests of `make bench`'s code: every area imports, and the helpers that time, parse,
serve and tabulate do their job on tiny inputs. No figure of speed is asserted here; the
benchmarks' figures are for BENCHMARKS.md, read as ratios against a peer of the same run."""

from __future__ import annotations

import importlib
import socket
import sys
import time
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest

from benchmarks import __main__ as bench_main
from benchmarks import contract_speed, generator_speed, go_speed, measure, servers
from generator.ir import load_api

API = load_api()
OPERATION = next(op for op in API.operations if not op.deprecated)
KEY = "benchmark-smoke-key"


# --- the areas -----------------------------------------------------------------------------


@pytest.mark.parametrize("area", bench_main.AREAS)
def test_every_area_imports_and_has_a_run(area: str) -> None:
    module = importlib.import_module(f"benchmarks.{area}")
    assert callable(module.run)


def test_an_unknown_area_is_misuse_and_writes_nothing(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    output = tmp_path / "BENCHMARKS.md"
    monkeypatch.setattr(bench_main, "OUTPUT", output)
    assert bench_main.main(["no_such_area"]) == 2
    error = capsys.readouterr().err
    assert "unknown area 'no_such_area'" in error
    assert error.count("\n") == 1
    assert not output.exists()


def test_a_broken_area_is_reported_in_the_file_and_fails_the_run(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    output = tmp_path / "BENCHMARKS.md"
    monkeypatch.setattr(bench_main, "OUTPUT", output)

    def broken() -> str:
        raise RuntimeError("peer would not install")

    monkeypatch.setattr(go_speed, "run", broken)
    assert bench_main.main(["go_speed"]) == 1
    text = output.read_text(encoding="utf-8")
    assert "## go_speed" in text
    assert "Did not run" in text
    assert "peer would not install" in text


# --- measure -------------------------------------------------------------------------------

ALLOCATE = "import sys; data = bytearray({mib} * 1024 * 1024); sys.stdout.write('done')"


def test_run_measured_reports_each_childs_own_peak_not_the_largest_so_far() -> None:
    big = measure.run_measured([sys.executable, "-c", ALLOCATE.format(mib=200)])
    small = measure.run_measured([sys.executable, "-c", ALLOCATE.format(mib=1)])
    assert (big.exit_code, big.stdout, small.exit_code) == (0, "done", 0)
    assert big.peak_mib >= 200
    assert small.peak_mib < 100  # RUSAGE_CHILDREN would still say 200 MiB here


def test_run_measured_keeps_exit_code_and_both_streams() -> None:
    code = "import sys; print('out'); print('err', file=sys.stderr); sys.exit(3)"
    result = measure.run_measured([sys.executable, "-c", code])
    assert (result.exit_code, result.stdout, result.stderr) == (3, "out\n", "err\n")


def test_run_measured_does_not_count_the_measuring_process_s_own_memory() -> None:
    """Linux keeps a peak across exec, and a child starts from its parent's pages: run from
    a process holding 300 MiB, a 1 MiB command must still be measured small."""
    ballast = bytearray(300 * 1024 * 1024)
    try:
        small = measure.run_measured([sys.executable, "-c", ALLOCATE.format(mib=1)])
    finally:
        del ballast
    assert small.exit_code == 0
    assert small.peak_mib < 100


def test_run_measured_reports_a_command_that_cannot_start() -> None:
    result = measure.run_measured(["/nonexistent/command"])
    assert result.exit_code == 127
    assert "cannot run /nonexistent/command" in result.stderr


def test_run_measured_kills_a_child_past_its_timeout() -> None:
    result = measure.run_measured(
        [sys.executable, "-c", "import time; time.sleep(60)"], timeout_s=0.2
    )
    assert result.exit_code == -9


def test_a_timeout_kills_the_command_not_only_its_launcher(tmp_path: Path) -> None:
    marker = tmp_path / "survived"
    code = f"import time, pathlib; time.sleep(1.5); pathlib.Path({str(marker)!r}).touch()"
    assert measure.run_measured([sys.executable, "-c", code], timeout_s=0.3).exit_code == -9
    time.sleep(2.0)
    assert not marker.exists()


def test_checked_raises_with_the_end_of_stderr() -> None:
    code = "import sys; sys.exit('the reason it failed')"
    with pytest.raises(RuntimeError, match="exited 1: the reason it failed"):
        measure.checked([sys.executable, "-c", code])


def test_median_walls_takes_turns_and_gives_one_figure_per_action() -> None:
    calls: list[tuple[str, int]] = []
    figures = measure.median_walls(
        3, lambda turn: calls.append(("a", turn)), lambda turn: calls.append(("b", turn))
    )
    assert len(figures) == 2
    assert calls == [("a", 0), ("b", 0), ("a", 1), ("b", 1), ("a", 2), ("b", 2)]


def test_table_aligns_numbers_and_refuses_ragged_rows() -> None:
    lines = measure.table(["what", "s"], [["x", "1.0"]], [False, True])
    assert lines == ["| what | s |", "| --- | ---: |", "| x | 1.0 |"]
    with pytest.raises(ValueError, match="one cell per column"):
        measure.table(["what", "s"], [["x"]], [False, True])


def test_a_missed_target_stands_out() -> None:
    assert (measure.yes(True), measure.yes(False)) == ("yes", "**no**")


def test_peer_venv_is_reused_while_its_stamp_matches(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(measure, "PEERS", tmp_path)
    venv = tmp_path / "peer"
    venv.mkdir()
    (venv / ".installed").write_text("pkg==1.0", encoding="utf-8")

    def no_install(*args: object, **kwargs: object) -> measure.Measured:
        raise AssertionError("a matching stamp must not reinstall")

    monkeypatch.setattr(measure, "checked", no_install)
    assert measure.peer_venv("peer", ["pkg==1.0"]) == venv
    with pytest.raises(AssertionError, match="must not reinstall"):
        measure.peer_venv("peer", ["pkg==2.0"])


# --- servers -------------------------------------------------------------------------------


def test_the_latency_server_answers_as_the_mock_does() -> None:
    body = generator_speed.first_example(OPERATION)
    with servers.serving("latency", api_key=KEY, delay_ms=1) as url:
        assert url.startswith("http://127.0.0.1:")
        answer = httpx.post(
            url + OPERATION.path, json=body, headers={API.auth_header: f"Bearer {KEY}"}
        )
        refused = httpx.post(url + OPERATION.path, json=body)
    assert answer.status_code == OPERATION.success.status
    assert refused.status_code == 401  # the key reached the mock (through the environment)


def test_the_huge_server_sends_an_unbounded_looking_body() -> None:
    with (
        servers.serving("huge") as url,
        httpx.stream("POST", url + OPERATION.path, json={}) as answer,
    ):
        assert answer.status_code == 201
        assert "content-length" not in answer.headers  # only reading tells the size
        read = 0
        for chunk in answer.iter_raw():
            read += len(chunk)
            if read > 2 * 1024 * 1024:
                break
    assert read > 2 * 1024 * 1024


def test_the_drip_server_drips_from_the_status_line() -> None:
    with servers.serving("drip") as url:
        host, port = url.removeprefix("http://").split(":")
        with socket.create_connection((host, int(port)), timeout=30) as connection:
            connection.sendall(b"GET / HTTP/1.1\r\nhost: x\r\n\r\n")
            first = connection.recv(100)
    assert first == servers.DRIP_ANSWER[:1]


def test_a_server_that_cannot_start_says_why() -> None:
    with pytest.raises(RuntimeError, match="invalid choice"), servers.serving("no-such-kind"):
        pass


# --- parsing what the tools print ----------------------------------------------------------

SUITE_OUTPUT = """retell-contract: http://127.0.0.1:1, seed 1
vectors: 203 sent
FAIL response_deadline on POST /x (gateway)
VIOLATIONS FOUND: 2 findings, 3 cases, 50.4 s, seed 1; the run is incomplete (stopped)
rerun: ...
"""
ST_OUTPUT = """Test cases:
  159 generated, 159 passed, 4 skipped

=========================== No issues found in 4.45s ===========================
"""


def _measured(stdout: str, seconds: float = 10.0) -> measure.Measured:
    return measure.Measured(1, seconds, 50 * 1024 * 1024, stdout, "")


def test_the_suite_is_counted_by_its_verdict_line() -> None:
    timing = contract_speed.suite_timing(_measured(SUITE_OUTPUT))
    assert (timing.cases, timing.vectors, timing.reported_seconds) == (3, 203, 50.4)
    assert timing.per_second == pytest.approx(0.3)
    assert timing.peak_mib == 50


def test_st_is_counted_by_its_summary() -> None:
    timing = contract_speed.st_timing(_measured(ST_OUTPUT, seconds=5.0))
    assert (timing.cases, timing.reported_seconds) == (159, 4.45)


def test_output_without_a_count_is_an_error_not_a_zero() -> None:
    with pytest.raises(RuntimeError, match="no verdict line"):
        contract_speed.suite_timing(_measured("Traceback ..."))
    with pytest.raises(RuntimeError, match="no case count"):
        contract_speed.st_timing(_measured("Traceback ..."))


def test_a_hostile_run_reads_its_verdict_and_findings() -> None:
    run = contract_speed.Hostile("drip", _measured(SUITE_OUTPUT), "response_deadline")
    assert run.verdict == "VIOLATIONS FOUND, 3 cases, incomplete"
    assert run.rules == ["response_deadline"]


def test_the_commands_carry_no_key_but_st_s_header() -> None:
    suite = contract_speed.suite_command("http://127.0.0.1:1")
    assert contract_speed.API_KEY not in " ".join(suite)  # the suite takes it from the env
    st = contract_speed.st_command("http://127.0.0.1:1", examples=5, workers=8)
    assert st[-2:] == ["--workers", "8"]
    assert "5" in st


OVERHEAD_OUTPUT = """raw net/http  best    56217 ns/op   p25    56833   median    63615
client        best    49065 ns/op   p25    53265   median    82300
client / raw  best 0.87x   p25 0.94x   median 1.29x
"""


def test_the_go_overhead_output_is_parsed_by_variant() -> None:
    figures = go_speed.parse_overhead(OVERHEAD_OUTPUT)
    assert figures[go_speed.RAW] == go_speed.PerCall(56217, 56833, 63615)
    assert figures[go_speed.CLIENT].median == 82300
    rows = go_speed.overhead_rows(figures)
    assert "1.29x" in rows[2]
    assert "**no**" in rows[2]
    with pytest.raises(RuntimeError, match="no \\['client'\\] line"):
        go_speed.parse_overhead(OVERHEAD_OUTPUT.splitlines()[0])


def test_the_go_build_table_compares_a_first_build_with_the_stub() -> None:
    rows = go_speed.build_table(0.5, 30.0, 20.0)
    assert rows[2].startswith("| compile, standard library cached | 0.50 |")
    assert rows[3].endswith(
        "| 30.0 | a stub importing the same standard packages, empty build cache | 20.0 | 1.50x |"
    )


def test_go_runs_offline_without_the_callers_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RETELL_API_KEY", "not-for-go")
    env = go_speed.go_env(GOCACHE="/nowhere")
    assert "RETELL_API_KEY" not in env
    assert (env["GOPROXY"], env["GOTOOLCHAIN"], env["GOCACHE"]) == ("off", "local", "/nowhere")


def test_the_go_stub_imports_the_modules_standard_packages_and_builds(tmp_path: Path) -> None:
    imports = go_speed.standard_imports()
    assert imports
    assert all("." not in name.split("/")[0] for name in imports)
    stub = go_speed.write_stub(tmp_path / "stub", ["fmt", "net/url"])
    go_speed.build(stub)  # raises, with Go's message, unless it compiles


# --- the generator area's helpers ----------------------------------------------------------


def test_the_client_method_is_found_by_the_irs_names() -> None:
    from generator.emit.python import naming

    package = importlib.import_module(naming.package(API))
    client = getattr(package, naming.client_class(API))(api_key=KEY, base_url="http://127.0.0.1:9")
    try:
        method = generator_speed.client_method(client, OPERATION)
    finally:
        client.close()
    assert method.__name__ == OPERATION.name.snake
    assert OPERATION.request is not None
    assert generator_speed.first_example(OPERATION) == OPERATION.request.examples[0][1]


def test_per_call_times_every_variant_its_share(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(generator_speed, "WARM_UP_CALLS", 2)
    monkeypatch.setattr(generator_speed, "CALLS", 6)
    monkeypatch.setattr(generator_speed, "BATCH", 3)
    counts = {"a": 0, "b": 0}

    def variant(name: str) -> Callable[[], None]:
        def call() -> None:
            counts[name] += 1

        return call

    figures = generator_speed.per_call_microseconds(variant("a"), variant("b"))
    assert len(figures) == 2
    assert counts == {"a": 8, "b": 8}


def test_the_import_target_is_judged_on_the_first_row() -> None:
    rows = generator_speed.import_table("pkg", "Client", (0.01, 0.3), (0.2, 0.3), (0.4, 0.5))
    assert "| 0.05 | < 0.2 | yes |" in rows[2]
    assert "| info | - |" in rows[3]
    missed = generator_speed.import_table("pkg", "Client", (0.1, 0.3), (0.2, 0.3), (0.4, 0.5))
    assert "**no**" in missed[2]
