"""The --live guard and loopback refusal, tested without any network traffic."""

from __future__ import annotations

import json
from typing import Any

import pytest

from contract_tests import cli, fuzzing, live, suite
from contract_tests.options import SuiteOptions
from contract_tests.safety import (
    LiveGuard,
    LiveNumbers,
    is_loopback_url,
    must_be_rejected,
    refusal,
)

KEY = "sk_live_guard_test"
VALID = json.dumps({"from_number": "+14157774444", "to_number": "+12137774445"}).encode()
AUTH = {"Authorization": f"Bearer {KEY}"}
NUMBERS = LiveNumbers("+14157774444", "+12137774445")  # the ones VALID dials


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8080",
        "http://localhost",
        "http://127.5.6.7/x",
        "http://[::1]:9000",
        "http://api.localhost",
    ],
)
def test_loopback_urls(url: str) -> None:
    assert is_loopback_url(url)
    assert refusal(url, live=False) is None


@pytest.mark.parametrize(
    "url",
    [
        "https://api.retellai.com",
        "http://10.0.0.1",
        "http://127.0.0.1.example.com",
        "http://[2001:db8::1]",
    ],
)
def test_non_loopback_urls_are_refused_without_live(url: str) -> None:
    assert not is_loopback_url(url)
    problem = refusal(url, live=False)
    assert problem is not None
    assert "--live" in problem
    assert refusal(url, live=True) is None


def test_malformed_url_is_refused_even_live() -> None:
    assert refusal("ftp://example.com", live=True) is not None
    assert refusal("not a url", live=True) is not None


def test_requests_that_must_be_rejected() -> None:
    path = "/v2/create-phone-call"
    assert must_be_rejected(path, {}, VALID, KEY)
    assert must_be_rejected(path, {"Authorization": "Bearer other"}, VALID, KEY)
    assert must_be_rejected(path, AUTH, json.dumps({"from_number": "+1"}).encode(), KEY)
    assert must_be_rejected(path, AUTH, b"not json", KEY)
    assert must_be_rejected("/unknown", AUTH, VALID, KEY)
    assert not must_be_rejected(path, AUTH, VALID, KEY)
    assert must_be_rejected(path, AUTH, VALID, KEY, "TRACE")  # the unsupported-method check
    assert not must_be_rejected(path, {"authorization": f"Bearer {KEY}"}, VALID, KEY)


@pytest.mark.parametrize("budget", [0, 1, 3])
def test_live_guard_spends_its_budget_only_on_valid_requests(budget: int) -> None:
    guard = LiveGuard(KEY, budget, NUMBERS)
    for _ in range(5):
        assert guard.permits("/v2/create-phone-call", {}, VALID)
    permitted = sum(guard.permits("/create-phone-call", AUTH, VALID) for _ in range(10))
    assert permitted == budget


def test_live_guard_never_permits_a_valid_call_to_another_number() -> None:
    guard = LiveGuard(KEY, 10, LiveNumbers("+14157774444", "+14155550199"))
    stranger = json.dumps({"from_number": "+14157774444", "to_number": "+12137774445"}).encode()
    assert not any(guard.permits("/v2/create-phone-call", AUTH, stranger) for _ in range(3))
    own = json.dumps({"from_number": "+14157774444", "to_number": "+14155550199"}).encode()
    assert guard.permits("/v2/create-phone-call", AUTH, own)


def test_live_guard_with_a_budget_needs_the_numbers_it_may_dial() -> None:
    with pytest.raises(ValueError, match="LiveNumbers"):
        LiveGuard(KEY, 1)
    assert LiveGuard(KEY, 0).permits("/v2/create-phone-call", AUTH, VALID) is False


def test_live_numbers_aim_a_body_and_refuse_non_e164() -> None:
    body: dict[str, object] = {"from_number": "+1999", "to_number": "+1888", "metadata": {"a": 1}}
    assert NUMBERS.aim(body) == {
        **body,
        "from_number": NUMBERS.from_number,
        "to_number": NUMBERS.to_number,
    }
    assert NUMBERS.problem() is None
    assert "--from-number" in (LiveNumbers("14157774444", "+12137774445").problem() or "")
    assert "--live-to-number" in (LiveNumbers("+14157774444", "+1213\n").problem() or "")


def test_cli_refuses_a_remote_url_before_any_traffic(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def no_traffic(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the refusal must come before any request")

    monkeypatch.setattr(suite, "ensure_reachable", no_traffic)
    monkeypatch.setattr(suite, "run_suite", no_traffic)
    monkeypatch.setattr(cli, "run_suite", no_traffic)
    code = cli.main(["--base-url", "https://api.retellai.com", "--api-key", KEY])
    err = capsys.readouterr().err
    assert code == cli.EXIT_USAGE
    assert len(err.strip().splitlines()) == 1
    assert "--live" in err
    assert KEY not in err


def _case(options: SuiteOptions, body: object) -> Any:
    schema = fuzzing.load_schema(options)
    return schema["/v2/create-phone-call"]["POST"].Case(body=body), schema


def test_send_time_guard_withholds_valid_calls_beyond_the_budget() -> None:
    options = SuiteOptions(
        "http://127.0.0.1:9", KEY, live=True, max_live_calls=1, live_numbers=NUMBERS
    )
    valid_body = json.loads(VALID)
    case, schema = _case(options, valid_body)
    live._withhold_unpermitted_calls(None, case, {})  # the one permitted valid call
    with pytest.raises(live.LiveCallWithheld):
        live._withhold_unpermitted_calls(None, case, {})
    invalid, other_schema = _case(options, valid_body | {"to_number": "12137774445"})
    live._withhold_unpermitted_calls(None, invalid, {})  # must be rejected: always sent
    for used in (schema, other_schema):
        live._LIVE_STATES.pop(id(used), None)


def test_send_time_guard_leaves_ordinary_runs_alone() -> None:
    case, _ = _case(SuiteOptions("http://127.0.0.1:9", KEY), json.loads(VALID))
    for _ in range(3):
        live._withhold_unpermitted_calls(None, case, {})
