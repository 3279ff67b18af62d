"""The chain follows the spec as the vendor's API evolves, with no edit to hand-written code.

Five patches (`patches.py`, shaped after retell-sdk 6.x) are applied, cumulatively, to a copy
of spec/openapi.yaml in a temporary folder. For each stage:

1. generate into the folder (`python -m generator generate --spec --out`): exit 0, no
   warning, the drift check agrees, no maintainer note (`x-provenance`) in the output;
2. the IR reads the patch as meant;
3. ruff and gofmt on the generated code; `mypy --strict` and `tsc --strict`, each on the
   package and a typed use of the stage's constructs whose deliberate misuses must each be
   an error; `go vet`, and a build of a Go program using the client. They run per stage,
   beside the calls (a few seconds each);
4. the Python, TypeScript and Go clients of the stage, each in a process of its own pointed
   at the fresh package, call the mock built from the patched spec: every patch's new fields
   so far and the new operation, with what their answers must carry (echoes, the const, fresh
   ids, the new enum value), and what they must refuse before sending; the mock receives
   exactly what the valid calls sent and nothing of the refused ones;
5. the mock itself refuses what the patch forbids, naming the field;
6. `python -m contract_tests --spec PATCHED` (`retell-contract`) against the mock passes,
   with the patch's rules applied.

Beside them: `retell-contract --spec` without a server starts a mock of the final spec and
applies every patch's rules to it; the client of the unpatched spec keeps the new enum value
leniently (and refuses it strictly); the suite accepts the new value under the patched spec
only; and faulty servers of the patched spec (`servers.FAULTY`) are caught by the suite with
the rule they break.
"""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest

from generator.ir import Api, load_api
from mock_server import running_server
from tests.evolution import typed_use
from tests.evolution.cases import (
    MOCK_REFUSES,
    NOT_CONNECTED,
    OLD_CLIENT_CALLS,
    SUITE_RULES,
    Call,
    calls_up_to,
)
from tests.evolution.chain import (
    API_KEY,
    Checks,
    Stage,
    contract_run,
    fail,
    generate,
    lint_generated,
    run_go,
    run_python,
    run_typescript,
    shown,
    start_go,
    start_mypy,
    start_tsc,
    step,
)
from tests.evolution.outcomes import check_calls, plan
from tests.evolution.patches import (
    AGENT_ECHO_RULE,
    E164_UNLESS_IGNORED,
    PATCHES,
    PHONE_CALL,
    PROVENANCE,
    WEB_CALL,
    WEB_CALL_PATH,
    patch,
    write_stage,
)
from tests.evolution.servers import FAULTY, Faulty, Patched, answering_not_connected, mock, serving

pytestmark = pytest.mark.slow

NUMBERS = [each.number for each in PATCHES]


def exercise_clients(stage: Stage, calls: tuple[Call, ...]) -> None:
    """Steps 3 and 4: the type checks and builds run beside the three clients' calls."""
    label, api, number = stage.label, stage.api(), stage.number
    names = typed_use.type_names(api)
    declarations = tuple(typed_use.GO_DECLARATIONS[each] for each in range(1, number + 1))
    with Checks() as checks:
        with step(label, "start mypy, tsc and go"):
            start_mypy(checks, stage, typed_use.python_usage(number, names))
            start_tsc(checks, stage, typed_use.ts_usage(number, names))
            start_go(checks, stage, typed_use.go_program(calls, declarations, names))
        with serving(api) as served:
            with step(label, "the Python client calls the mock"):
                results = run_python(stage, plan(api, stage, served, calls, "python"))
                check_calls(api, served, calls, results, "python", names)
            with step(label, "tsc --strict (the package and its typed use)"):
                checks.require("tsc")
            with step(label, "the TypeScript client calls the mock"):
                results = run_typescript(stage, plan(api, stage, served, calls, "typescript"))
                check_calls(api, served, calls, results, "typescript", names)
            with step(label, "go vet, and a build of a program using the Go client"):
                checks.require("go vet")
                checks.require("go build")
            with step(label, "the Go client calls the mock"):
                results = run_go(stage, plan(api, stage, served, calls, "go"))
                check_calls(api, served, calls, results, "go", names)
        with step(label, "mypy --strict (the package and its typed use)"):
            result = checks.wait("mypy")
            errors = [line for line in result.stdout.splitlines() if ": error:" in line]
            assert not errors, "mypy found errors:\n" + "\n".join(errors)
            assert result.returncode == 0, f"mypy exited {result.returncode}:\n{shown(result)}"


def _ir_reads(number: int, api: Api) -> None:
    """What the IR must make of each patch (the patch says what it means to say)."""
    phone = api.operation(PHONE_CALL)
    assert phone.request is not None
    request = api.model(typed_use.model_name(phone.request.type))
    fields = {item.name: item for item in request.fields}
    names = typed_use.type_names(api)
    if number == 1:
        added = ("override_agent_version", "opt_out_sensitive_data_storage", "custom_sip_headers")
        assert [name for name in added if name not in fields or fields[name].required] == []
    elif number == 2:
        assert api.enum(names["tier"]).values == ("standard", "premium")
    elif number == 3:
        assert NOT_CONNECTED in api.enum(names["status"]).values
    elif number == 4:
        web = api.operation(WEB_CALL)
        assert (web.method, web.path, web.deprecated) == ("POST", WEB_CALL_PATH, False)
        assert web.resource == phone.resource  # client.call.create_web_call
        assert web.phone_paths == ()
        assert [path for path, _ in web.unique_paths] == [("call_id",)]
        assert {echo.rule for echo in web.echoes} >= {AGENT_ECHO_RULE, "metadata_echoed"}
    else:
        assert E164_UNLESS_IGNORED in api.rules
        assert ("from_number",) in phone.phone_paths  # the relaxed number still dials


def _no_provenance(stage: Stage) -> None:
    for path in sorted(stage.out.rglob("*")):
        if path.is_file():
            text = path.read_text(encoding="utf-8", errors="replace")
            leaked = [note for note in PROVENANCE if note in text]
            assert not leaked, f"{path.relative_to(stage.out)} carries x-provenance {leaked}"


def _mock_refuses(number: int, api: Api) -> None:
    with running_server(mock(api)) as url:
        for operation_id, body, named in MOCK_REFUSES[number]:
            operation = api.operation(operation_id)
            answer = httpx.post(
                url + operation.path,
                json=body,
                headers={"Authorization": f"Bearer {API_KEY}"},
                timeout=30,
            )
            assert answer.status_code == 400, (
                f"{operation.label} {json.dumps(body)}: expected 400, got {answer.status_code}"
            )
            message = answer.json().get("error_message", "")
            assert named in message, f"{operation.label}: 400 without naming {named}: {message}"


@pytest.mark.parametrize("number", NUMBERS, ids=[f"patch {n}" for n in NUMBERS])
def test_the_chain_follows_the_patch(number: int, tmp_path: Path) -> None:
    stage = Stage(number, tmp_path)
    label = stage.label
    with step(label, "generate"):
        generate(stage)
        _no_provenance(stage)
    with step(label, "the IR reads the patch"):
        _ir_reads(number, stage.api())
    with step(label, "ruff and gofmt on the generated code"):
        lint_generated(stage)
    exercise_clients(stage, calls_up_to(number))
    api = stage.api()
    with step(label, "the mock refuses what the patch forbids"):
        _mock_refuses(number, api)
    with step(label, "a contract run against the mock"):
        with running_server(mock(api)) as url:
            result = contract_run(stage.spec, url, tmp_path / "contract")
        assert result.status == 0, f"the run found violations:\n{result.output}"
        for operation_id, rule in SUITE_RULES[number]:
            verdict = result.verdict(api.operation(operation_id).label, rule)
            assert verdict == "passed", f"{rule} on {operation_id}: {verdict}\n{result.output}"


def test_retell_contract_serves_and_tests_the_patched_spec_by_itself(tmp_path: Path) -> None:
    """Without --base-url the suite starts a mock of the --spec it is given: every patch's
    rules apply to it, the new operation's included."""
    final = len(PATCHES)
    spec = write_stage(final, tmp_path / "openapi.yaml")
    api = load_api(spec)
    with step(patch(final).label, "retell-contract --spec PATCHED (a mock of its own)"):
        result = contract_run(spec, None, tmp_path / "contract")
        assert result.status == 0, f"the run found violations:\n{result.output}"
        for number in NUMBERS:
            for operation_id, rule in SUITE_RULES[number]:
                verdict = result.verdict(api.operation(operation_id).label, rule)
                assert verdict == "passed", f"{rule} on {operation_id}: {verdict}"


def test_the_unpatched_client_keeps_the_new_enum_value_leniently(tmp_path: Path) -> None:
    """Patch 3 seen by the clients generated before it: lenient, `not_connected` is kept as
    the string it is; strict, it is refused naming the field and the rule."""
    stage = Stage(0, tmp_path, f"{patch(3).label}, the unpatched clients")
    with step(stage.label, "generate"):
        generate(stage)
    exercise_clients(stage, OLD_CLIENT_CALLS)


def test_the_suite_accepts_the_new_enum_value_under_the_patched_spec_only(tmp_path: Path) -> None:
    label = patch(3).label
    patched = write_stage(3, tmp_path / "patched" / "openapi.yaml")
    unpatched = write_stage(0, tmp_path / "unpatched" / "openapi.yaml")
    api = load_api(patched)
    operation = api.operation(PHONE_CALL)
    with running_server(answering_not_connected(mock(api), api)) as url:
        with step(label, "a contract run under the patched spec"):
            result = contract_run(patched, url, tmp_path / "patched", only=PHONE_CALL)
            assert result.status == 0, f"the new value was not accepted:\n{result.output}"
            assert result.verdict(operation.label, "closed_enums") == "passed", result.output
        with step(label, "a contract run under the unpatched spec"):
            result = contract_run(unpatched, url, tmp_path / "unpatched", only=PHONE_CALL)
            assert result.status == 1, f"the unlisted value went unnoticed:\n{result.output}"
            assert "closed_enums" in result.failed(operation.label), result.output


@pytest.mark.parametrize("faulty", FAULTY, ids=[item.name for item in FAULTY])
def test_a_faulty_server_of_the_patched_spec_is_caught(faulty: Faulty, tmp_path: Path) -> None:
    spec = write_stage(faulty.patch, tmp_path / "openapi.yaml")
    api = load_api(spec)
    operation = api.operation(faulty.operation)
    server = faulty.build(Patched(faulty.patch, api, operation, tmp_path))
    with step(patch(faulty.patch).label, f"the suite catches a faulty server ({faulty.name})"):
        with running_server(server) as url:
            result = contract_run(spec, url, tmp_path / "contract", only=faulty.operation)
        failed = result.failed(operation.label)
        if result.status != 1 or not failed & set(faulty.rules):
            fail(
                f"expected a failure of {' or '.join(faulty.rules)} on {operation.label}; "
                f"exit {result.status}, failed: {sorted(failed)}\n{result.output}"
            )
