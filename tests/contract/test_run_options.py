"""The run options of `retell-contract` have the effect the README promises: a baseline that
still fails on new findings, `--exclude-checks`, the operation scope, `--workers` reproducible
by seed, account fitting (`--from-number` / `--agent-id`) and a wrong base URL."""

from __future__ import annotations

import importlib
import json
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from contract_tests import cli
from contract_tests.contract import Contract
from contract_tests.mutants.asgi import HttpRequest, HttpResponse, answer_before
from contract_tests.mutants.catalogue import MUTANTS, Mutant
from generator.ir import Operation
from mock_server import create_app, running_server
from tests.contract.conftest import TEST_KEY, run_cli

CONTRACT = Contract.load()
SMALL_RUN = ["--max-examples", "5", "--seed", "7"]
MANAGED_NUMBER = "+14155550101"  # the strict account's one number (its agent: MANAGED_AGENT)
MANAGED_AGENT = "agent_of_the_managed_number"
OTHER_AGENT = "agent_b_of_the_account"


def _run(url: str, *options: str) -> tuple[int, str]:
    return run_cli(["--base-url", url, "--api-key", TEST_KEY, *SMALL_RUN, *options])


def _mutant(name: str) -> Mutant:
    return next(mutant for mutant in MUTANTS if mutant.name == name)


def _serve(*mutants: Mutant) -> ASGIApp:
    """The correct mock wrapped in each of `mutants` (the first one outermost)."""
    app: ASGIApp = create_app(api_key=TEST_KEY)
    for mutant in reversed(mutants):
        app = mutant.wrap(app, TEST_KEY)
    return app


def _operation_of(mutant: Mutant) -> Operation:
    """The one operation a mutant strikes (its description starts with the label)."""
    return next(op for op in CONTRACT.operations if mutant.breaks.startswith(op.label + " "))


def _junit(path: Path) -> tuple[list[tuple[str, str]], list[tuple[str, str, str]]]:
    """(rule, operation) of every testcase, and (rule, operation, message) of the failing ones."""
    cases, failures = [], []
    for case in ET.parse(path).getroot().iter("testcase"):
        rule, operation = case.get("name", ""), case.get("classname", "")
        cases.append((rule.split(" #")[0], operation))
        failure = case.find("failure")
        if failure is not None:
            failures.append((failure.get("type", ""), operation, failure.get("message", "")))
    return cases, failures


def _canonical(body: bytes) -> str:
    """A body compared by meaning when it is JSON (key order free), by bytes otherwise."""
    try:
        return json.dumps(json.loads(body), sort_keys=True, separators=(",", ":"))
    except (ValueError, UnicodeDecodeError):
        return repr(body)


@dataclass(frozen=True)
class Arrival:
    method: str
    path: str
    query: str
    body: bytes
    status: int

    @property
    def request(self) -> tuple[str, str, str, str]:
        return (self.method, self.path, self.query, _canonical(self.body))

    def json(self) -> Any:
        try:
            return json.loads(self.body)
        except (ValueError, UnicodeDecodeError):
            return None


@dataclass
class Recorder:
    """An ASGI app in front of another: keeps every HTTP request reaching the server under test
    (the run's gateway is the only client) with the status it was answered."""

    app: ASGIApp
    arrivals: list[Arrival] = field(default_factory=list)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        chunks: list[bytes] = []
        status = [0]

        async def reading() -> Message:
            message = await receive()
            if message["type"] == "http.request":
                chunks.append(message.get("body", b""))
            return message

        async def sending(message: Message) -> None:
            if message["type"] == "http.response.start":
                status[0] = int(message["status"])
            await send(message)

        try:
            await self.app(scope, reading, sending)
        finally:
            self.arrivals.append(
                Arrival(
                    str(scope["method"]),
                    str(scope["path"]),
                    bytes(scope.get("query_string", b"")).decode("latin-1"),
                    b"".join(chunks),
                    status[0],
                )
            )

    def paths(self) -> Counter[str]:
        return Counter(arrival.path for arrival in self.arrivals)


# --- 1. a baseline tolerates what it lists, and only that ---------------------------------------


@pytest.mark.slow
def test_a_baseline_still_fails_the_run_on_a_finding_it_does_not_list(tmp_path: Path) -> None:
    """Two mutants on two operations, each breaking one rule. The baseline lists the first
    (rule, operation), and the second rule on the *wrong* operation: the second finding is
    new (a finding is known by rule and operation), so the run fails and reports it."""
    listed, unlisted = _mutant("numbers_swapped"), _mutant("default_not_honoured")
    (listed_rule,), (unlisted_rule,) = listed.expects, unlisted.expects
    listed_op, unlisted_op = _operation_of(listed), _operation_of(unlisted)
    assert listed_op != unlisted_op
    assert listed_rule != unlisted_rule
    baseline, junit = tmp_path / "baseline.json", tmp_path / "junit.xml"
    known = [
        {"rule": listed_rule, "operation": listed_op.label},
        {"rule": unlisted_rule, "operation": listed_op.label},  # same rule, another operation
    ]
    baseline.write_text(json.dumps({"version": 1, "known": known}))
    with running_server(_serve(listed, unlisted)) as url:
        code, out = _run(url, "--baseline", str(baseline), "--junit-xml", str(junit))
    assert code == cli.EXIT_VIOLATIONS, out
    _, failures = _junit(junit)
    failing = {(rule, operation) for rule, operation, _ in failures}
    assert failing == {(unlisted_rule, unlisted_op.label)}, out
    assert f"FAIL {unlisted_rule} on {unlisted_op.label}" in out
    assert f"FAIL {listed_rule}" not in out
    assert f"known finding {listed_rule} on {listed_op.label}" in out
    assert f"stale entry {unlisted_rule} on {listed_op.label}" in out


# --- 2. --exclude-checks --------------------------------------------------------------------------


@pytest.mark.slow
def test_an_excluded_rule_neither_fails_the_run_nor_shows(tmp_path: Path) -> None:
    mutant = _mutant("numbers_swapped")  # breaks exactly one rule (checked below)
    (rule,) = mutant.expects
    excluded_junit, excluded_report = tmp_path / "excluded.xml", tmp_path / "excluded.md"
    full_junit = tmp_path / "full.xml"
    with running_server(_serve(mutant)) as url:
        full, full_out = _run(url, "--junit-xml", str(full_junit))
        excluded, out = _run(
            url,
            "--exclude-checks",
            rule,
            "--junit-xml",
            str(excluded_junit),
            "--report",
            str(excluded_report),
        )
    assert full == cli.EXIT_VIOLATIONS, full_out
    _, full_failures = _junit(full_junit)
    assert {failed for failed, _, _ in full_failures} == {rule}, full_out
    assert excluded == cli.EXIT_COMPLIANT, out
    cases, failures = _junit(excluded_junit)
    assert failures == []
    assert cases, "the JUnit report of the excluded run holds no testcase at all"
    assert rule not in {case_rule for case_rule, _ in cases}
    summary = out.split("Contract summary", 1)[1].split("COMPLIANT", 1)[0]
    assert "│" in summary  # the table was printed
    assert rule not in summary
    table = excluded_report.read_text().split("## Summary", 1)[1].split("\n## ", 1)[0]
    assert f"`{rule}`" not in table
    assert "`not_a_server_error`" in table  # the other rules are still there


# --- 3. the operation scope -----------------------------------------------------------------------


def _broken_except(in_scope: Operation) -> ASGIApp:
    """The mock, except that every operation but `in_scope` answers 500 to everything."""

    def answer(request: HttpRequest) -> HttpResponse | None:
        if request.path == in_scope.path:
            return None
        return HttpResponse(500).with_json({"error_message": "An unexpected error occurred."})

    return answer_before(create_app(api_key=TEST_KEY), answer)


IN_SCOPE = CONTRACT.operations[-1]
OUT_OF_SCOPE = [op for op in CONTRACT.operations if op != IN_SCOPE]
SCOPES: dict[str, list[str]] = {
    "include": ["--include-operation-id", IN_SCOPE.operation_id],
    "exclude": [arg for op in OUT_OF_SCOPE for arg in ("--exclude-operation-id", op.operation_id)],
}


def test_the_spec_has_an_operation_to_leave_out() -> None:
    assert OUT_OF_SCOPE, "the scope tests need a spec with two operations or more"
    assert len({op.path for op in CONTRACT.operations}) == len(CONTRACT.operations)


@pytest.mark.parametrize("scope", sorted(SCOPES))
def test_requests_reach_only_the_operations_in_scope(scope: str) -> None:
    server = Recorder(_broken_except(IN_SCOPE))
    with running_server(server) as url:
        code, out = _run(url, *SCOPES[scope])
    assert code == cli.EXIT_COMPLIANT, out
    assert set(server.paths()) == {IN_SCOPE.path}, server.paths()
    assert server.paths()[IN_SCOPE.path] > 50  # vectors and fuzzing ran, not a pre-flight only


def test_the_server_of_the_scope_tests_fails_an_unscoped_run() -> None:
    """The control: without the scope options the broken operations are found."""
    server = Recorder(_broken_except(IN_SCOPE))
    with running_server(server) as url:
        code, out = _run(url)
    assert code == cli.EXIT_VIOLATIONS, out
    for operation in OUT_OF_SCOPE:
        assert f"on {operation.label}" in out
        assert server.paths()[operation.path] > 0


# --- 4. --workers: a seed gives the same cases whatever N -----------------------------------------


def _sent_with(workers: int) -> Counter[tuple[str, str, str, str]]:
    server = Recorder(create_app(api_key=TEST_KEY))
    with running_server(server) as url:
        code, out = _run(url, "--workers", str(workers))
    assert code == cli.EXIT_COMPLIANT, out
    return Counter(arrival.request for arrival in server.arrivals)


@pytest.mark.slow
def test_the_same_seed_sends_the_same_requests_whatever_the_workers() -> None:
    one, four = _sent_with(1), _sent_with(4)
    only_one, only_four = one - four, four - one
    why = (
        f"{only_one.total()} requests only with --workers 1, e.g. {list(only_one)[:3]}; "
        f"{only_four.total()} only with --workers 4, e.g. {list(only_four)[:3]}"
    )
    assert not only_one, why
    assert not only_four, why
    assert one.total() > 100  # the run sent its vectors and cases, not just a pre-flight


@pytest.mark.slow
def test_the_same_seed_sends_the_same_requests_whatever_code_is_loaded_beside_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Hypothesis draws constants from every loaded module outside site-packages: the same
    seed gave other cases from `retell-contract` than from `python -m contract_tests` (the
    printed rerun line). A local module full of constants, loaded between two runs, changes
    nothing, and none of its constants is sent."""
    before = _sent_with(1)
    marker = "zqL"  # with a number: short enough (<= 20) for Hypothesis to collect
    module = tmp_path / "beside_the_run.py"
    module.write_text(
        "\n".join(
            f"CONSTANT_{n} = {marker + str(n)!r}\nNUMBER_{n} = {7919 * n}" for n in range(200)
        )
        + "\n",
        encoding="utf-8",
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    importlib.import_module("beside_the_run")
    after = _sent_with(1)
    assert before == after, (before - after, after - before)
    assert not any(marker in "".join(request) for request in after)


# --- 5. account fitting: --from-number / --agent-id -----------------------------------------------


def _strict_mock() -> Recorder:
    """A mock in strict mode: it manages one number and knows two agents, and answers a
    documented 422 to a valid request naming any other."""
    app = create_app(
        api_key=TEST_KEY,
        managed_numbers={MANAGED_NUMBER: MANAGED_AGENT},
        agent_ids=[OTHER_AGENT],
    )
    return Recorder(app)


def _account_values(operation: Operation, body: Any, role: str) -> list[Any]:
    found = []
    for path, path_role in operation.account_paths:
        value = body
        for part in path:
            value = value.get(part) if isinstance(value, dict) else None
        if path_role == role and value is not None:
            found.append(value)
    return found


def test_a_run_fitted_to_the_account_passes_a_strict_server() -> None:
    server = _strict_mock()
    with running_server(server) as url:
        code, out = _run(url, "--from-number", MANAGED_NUMBER, "--agent-id", OTHER_AGENT)
    assert code == cli.EXIT_COMPLIANT, out
    operations = {op.path: op for op in CONTRACT.operations}
    accepted = [a for a in server.arrivals if 200 <= a.status < 300]
    assert accepted, "the strict server accepted no call"
    for operation in CONTRACT.operations:
        bodies = [a.json() for a in accepted if a.path == operation.path]
        assert bodies, f"no call to {operation.label} was accepted"
    # what was accepted carried the tester's number, and the tester's agent where it named one
    named_agents = set()
    for arrival in accepted:
        operation, body = operations[arrival.path], arrival.json()
        assert set(_account_values(operation, body, "number")) == {MANAGED_NUMBER}
        named_agents |= set(_account_values(operation, body, "agent"))
    assert named_agents == {OTHER_AGENT}


def test_an_unfitted_run_against_a_strict_server_reports_the_refused_calls(
    tmp_path: Path,
) -> None:
    """Without --from-number the valid cases name numbers the account does not manage; the
    server refuses them (422) and the run says valid data was refused."""
    server = _strict_mock()
    junit = tmp_path / "junit.xml"
    with running_server(server) as url:
        code, out = _run(url, "--junit-xml", str(junit))
    assert code == cli.EXIT_VIOLATIONS, out
    _, failures = _junit(junit)
    assert "positive_data_acceptance" in {rule for rule, _, _ in failures}, out
    assert any(a.status == 422 for a in server.arrivals)


# --- 6. a wrong base URL -----------------------------------------------------------------------


def _nothing_here() -> Recorder:
    def answer(_request: HttpRequest) -> HttpResponse | None:
        return HttpResponse(404).with_json({"error_message": "Not Found"})

    return Recorder(answer_before(create_app(api_key=TEST_KEY), answer))


def test_a_base_url_answering_404_everywhere_is_one_finding(tmp_path: Path) -> None:
    server = _nothing_here()
    junit, report = tmp_path / "junit.xml", tmp_path / "report.md"
    with running_server(server) as url:
        code, out = _run(url, "--junit-xml", str(junit), "--report", str(report))
    assert code == cli.EXIT_VIOLATIONS, out
    _, failures = _junit(junit)
    assert len(failures) == 1, failures
    ((rule, _, message),) = failures
    assert rule == "operations_found"
    assert "check the base URL" in message
    assert "no operation of the spec" in message
    finding_lines = [line for line in out.splitlines() if line.startswith("FAIL ")]
    assert finding_lines == ["FAIL operations_found on (every operation) (pre-flight)"], out
    assert "1 findings" in out
    assert "COMPLIANT" not in out.replace("VIOLATIONS FOUND", "")
    # the run ended at its pre-flight: one probe per operation, nothing more
    assert server.paths() == Counter(op.path for op in CONTRACT.operations)
