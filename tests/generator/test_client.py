"""Functional tests of the generated Retell client (sync) over httpx.MockTransport: options,
resources, requests, validation before sending, responses and errors."""

from __future__ import annotations

import datetime
import decimal
import inspect
import json
import math
import warnings
from typing import Any

import httpx
import pytest
import retell_client as rc
from retell_client import _exceptions

from generator.ir import Defaults, load_api
from tests.generator.client_support import (
    API_KEY,
    BASE_URL,
    NUMBERS,
    PHONE_CALL,
    REGISTER_CALL,
    Script,
    client,
    reply,
)

API = load_api()


# --- construction ------------------------------------------------------------------------------


def test_defaults_come_from_the_ir(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("RETELL_BASE_URL", raising=False)
    defaults = Defaults()
    with rc.Retell(api_key=API_KEY) as retell:
        assert retell.timeout.read == defaults.timeout_s
        assert retell.timeout.connect == defaults.connect_timeout_s
        assert retell.max_retries == defaults.max_retries
        assert retell.max_response_bytes == defaults.max_response_bytes
        assert str(retell.base_url) == API.base_url
        assert (retell.strict_response_validation, retell.retry_unsafe) == (False, False)


def test_key_and_base_url_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RETELL_API_KEY", API_KEY)
    monkeypatch.setenv("RETELL_BASE_URL", "http://env.test/")
    script = Script([reply(201, PHONE_CALL)])
    http = httpx.Client(transport=httpx.MockTransport(script))
    with rc.Retell(http_client=http) as retell:
        retell.call.create_phone_call(**NUMBERS)
    (request,) = script.requests
    assert str(request.url) == "http://env.test/v2/create-phone-call"
    assert request.headers["authorization"] == f"Bearer {API_KEY}"
    with rc.Retell(api_key="sk-other", base_url="http://option.test", http_client=http) as retell:
        retell.call.create_phone_call(**NUMBERS)
    assert str(script.requests[1].url) == "http://option.test/v2/create-phone-call"
    assert script.requests[1].headers["authorization"] == "Bearer sk-other"


def test_no_key_is_a_retell_error_naming_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("RETELL_API_KEY", raising=False)
    with pytest.raises(rc.RetellError, match="RETELL_API_KEY"):
        rc.Retell()


@pytest.mark.parametrize(
    ("base_url", "problem"),
    [
        ("http://user:hunter2@retell.test", "must not hold user info"),
        ("http://:hunter2@retell.test", "must not hold user info"),
        ("ftp://retell.test", "http:// or https://"),
        ("retell.test", "http:// or https://"),
        ("http://retell.test/?token=hunter2", "query"),
    ],
)
def test_a_bad_base_url_is_refused_without_showing_it(base_url: str, problem: str) -> None:
    with pytest.raises(rc.RetellError) as caught:
        rc.Retell(api_key=API_KEY, base_url=base_url)
    assert problem in str(caught.value)
    assert "hunter2" not in str(caught.value)
    assert str(caught.value).startswith("base_url: ")


@pytest.mark.parametrize(
    ("option", "value"),
    [
        ("max_retries", -1),
        ("max_retries", True),
        ("max_retries", 1.5),
        ("timeout", 0),
        ("timeout", -1.0),
        ("timeout", math.inf),
        ("timeout", "5"),
        ("timeout", httpx.Timeout(5.0, connect=0.0)),
        ("max_response_bytes", 0),
        ("strict_response_validation", 1),
        ("retry_unsafe", "yes"),
        ("default_headers", {"X-Bad": "a\r\nInjected: 1"}),
        ("default_headers", {"Bad Name": "x"}),
        ("http_client", httpx.AsyncClient()),
    ],
)
def test_a_bad_option_is_refused_naming_it(option: str, value: object) -> None:
    options: dict[str, Any] = {option: value}
    with pytest.raises(rc.RetellError, match=f"^{option}"):
        rc.Retell(api_key=API_KEY, **options)


def test_with_options_copies_with_changes_and_shares_the_pool() -> None:
    script = Script([reply(500, {"error_message": "down"})])
    original = client(script, default_headers={"X-A": "1"})
    copy = original.with_options(max_retries=0, timeout=3.0, default_headers={"X-B": "2"})
    assert type(copy) is rc.Retell
    assert (original.max_retries, copy.max_retries) == (2, 0)
    assert copy.timeout.read == 3.0
    assert copy.default_headers == {"X-A": "1", "X-B": "2"}
    assert copy._http is original._http
    with pytest.raises(rc.InternalServerError):
        copy.call.create_phone_call(**NUMBERS)
    assert len(script.requests) == 1
    assert (script.requests[0].headers["x-a"], script.requests[0].headers["x-b"]) == ("1", "2")
    copy.close()
    assert not original._http.is_closed  # the copy does not own the pool it shares


def test_with_options_to_another_origin_gets_its_own_pool() -> None:
    with rc.Retell(api_key=API_KEY, base_url="http://one.test") as original:
        other = original.with_options(base_url="http://two.test")
        assert other._http is not original._http
        other.close()
        assert other._http.is_closed
        assert not original._http.is_closed


def test_the_context_manager_closes_its_own_pool_only() -> None:
    with rc.Retell(api_key=API_KEY) as retell:
        pool = retell._http
    assert pool.is_closed
    shared = httpx.Client()
    with rc.Retell(api_key=API_KEY, http_client=shared):
        pass
    assert not shared.is_closed
    shared.close()


def test_the_default_pool_follows_no_redirect() -> None:
    with rc.Retell(api_key=API_KEY) as retell:
        assert retell._http.follow_redirects is False


# --- resources, methods and their documentation -------------------------------------------------


def test_every_operation_of_the_ir_is_a_method_of_its_resource() -> None:
    with rc.Retell(api_key=API_KEY) as retell:
        for operation in API.operations:
            resource = getattr(retell, operation.resource.snake)
            assert type(resource).__name__ == f"{operation.resource.pascal}Resource"
            assert callable(getattr(resource, operation.name.snake))
            raw = resource.with_raw_response
            assert callable(getattr(raw, operation.name.snake))


def test_arguments_are_the_request_fields_then_the_request_options() -> None:
    for operation in API.operations:
        assert operation.request is not None
        model = API.model(operation.request.type.name)  # type: ignore[union-attr]
        for method in (
            getattr(rc.CallResource, operation.name.snake),
            getattr(rc.CallResourceWithRawResponse, operation.name.snake),
            getattr(rc.AsyncCallResource, operation.name.snake),
        ):
            parameters = dict(inspect.signature(method).parameters)
            del parameters["self"]
            assert all(p.kind is p.KEYWORD_ONLY for p in parameters.values())
            options = ["extra_headers", "extra_query", "extra_body", "timeout", "max_retries"]
            assert list(parameters)[-5:] == options
            for field in model.fields:
                default = parameters[field.name].default
                assert (default is inspect.Parameter.empty) == field.required, field.name
                if not field.required:
                    assert default is rc.NOT_GIVEN
            assert set(parameters) == {f.name for f in model.fields} | set(options)


def test_docstrings_carry_the_summary_and_each_field_s_description() -> None:
    for operation in API.operations:
        doc = inspect.getdoc(getattr(rc.CallResource, operation.name.snake)) or ""
        flat = " ".join(doc.split())
        assert flat.startswith(operation.summary)
        assert "Args:" in doc
        model = API.model(operation.request.type.name)  # type: ignore[union-attr]
        for field in model.fields:
            assert f"{field.name}: {' '.join(field.description.split())}" in flat, field.name
        assert ("Deprecated" in doc) == operation.deprecated
    doc = " ".join((inspect.getdoc(rc.CallResource.create_phone_call) or "").split())
    assert "Must match the pattern `^\\+[1-9][0-9]{1,14}$`" in doc


# --- requests ----------------------------------------------------------------------------------


def test_a_call_sends_exactly_the_given_fields_as_json() -> None:
    script = Script([reply(201, PHONE_CALL)])
    call = client(script).call.create_phone_call(
        **NUMBERS,
        metadata={"n": 1, "deep": [None, {"x": -0.0}]},
        override_agent_id=None,  # type: ignore[arg-type]  # untyped code's way to leave it out
    )
    assert isinstance(call, rc.PhoneCallResponse)
    (request,) = script.requests
    assert (request.method, str(request.url)) == ("POST", f"{BASE_URL}/v2/create-phone-call")
    assert request.headers["authorization"] == f"Bearer {API_KEY}"
    assert request.headers["content-type"] == "application/json"
    assert request.headers["accept"] == "application/json"
    assert request.headers["user-agent"] == f"retell-client-python/{rc.__version__}"
    assert "idempotency-key" not in request.headers  # the spec declares no idempotency header
    assert script.bodies() == [{**NUMBERS, "metadata": {"n": 1, "deep": [None, {"x": -0.0}]}}]


def test_per_request_options_reach_the_request() -> None:
    script = Script([reply(201, PHONE_CALL)])
    retell = client(script, default_headers={"X-Team": "a", "X-Keep": "k"})
    retell.call.create_phone_call(
        **NUMBERS,
        extra_headers={"X-Team": "b", "X-Trace": "t1"},
        extra_query={"dry": True, "tag": ["a", "b"]},
        extra_body={"brand_new_field": {"x": 1}, "to_number": "+14155550199"},
        timeout=7.5,
    )
    (request,) = script.requests
    assert (request.headers["x-team"], request.headers["x-keep"]) == ("b", "k")
    assert request.headers["x-trace"] == "t1"
    assert request.url.params.multi_items() == [("dry", "true"), ("tag", "a"), ("tag", "b")]
    assert script.bodies() == [
        {**NUMBERS, "to_number": "+14155550199", "brand_new_field": {"x": 1}}
    ]
    assert request.extensions["timeout"] == httpx.Timeout(7.5).as_dict()


def test_an_extra_header_that_cannot_be_sent_is_refused_without_showing_it() -> None:
    script = Script([reply(201, PHONE_CALL)])
    with pytest.raises(rc.RetellError) as caught:
        client(script).call.create_phone_call(
            **NUMBERS, extra_headers={"X-Token": "secret-value\r\nX-Injected: 1"}
        )
    assert str(caught.value).startswith("extra_headers['X-Token']: ")
    assert "secret-value" not in str(caught.value)
    assert script.requests == []


@pytest.mark.parametrize(
    ("arguments", "field", "rule", "keyword"),
    [
        ({**NUMBERS, "to_number": "4155550123"}, "to_number", "e164_numbers", "pattern"),
        ({**NUMBERS, "from_number": "+0123"}, "from_number", "e164_numbers", "pattern"),
        ({**NUMBERS, "to_number": "+1415555012\n"}, "to_number", "e164_numbers", "pattern"),
        ({**NUMBERS, "to_number": "+\u0661\u0662\u0663"}, "to_number", "e164_numbers", "pattern"),
        ({**NUMBERS, "override_agent_id": 7}, "override_agent_id", "type", "type"),
        ({**NUMBERS, "metadata": ["x"]}, "metadata", "type", "type"),
        (
            {**NUMBERS, "retell_llm_dynamic_variables": {"name": 1}},
            "retell_llm_dynamic_variables.name",
            "type",
            "type",
        ),
        (
            {"from_number": NUMBERS["from_number"], "to_number": None},
            "to_number",
            "e164_numbers",
            "type",
        ),
    ],
)
def test_a_rule_broken_is_a_validation_error_and_nothing_is_sent(
    arguments: dict[str, Any], field: str, rule: str, keyword: str
) -> None:
    script = Script([reply(201, PHONE_CALL)])
    with pytest.raises(rc.RetellError) as caught:
        client(script).call.create_phone_call(**arguments)
    error = caught.value
    assert isinstance(error, rc.ValidationError)
    assert not isinstance(error, rc.APIError)
    assert (error.field, error.rule, error.keyword) == (field, rule, keyword)
    assert error.message == str(error)
    assert str(error).startswith(f"{field}: ")
    assert f"(rule: {rule})" in str(error)
    assert script.requests == []


def test_every_violation_is_listed_the_first_one_first() -> None:
    script = Script([reply(201, PHONE_CALL)])
    with pytest.raises(rc.ValidationError) as caught:
        client(script).call.create_phone_call(from_number="bad", to_number="worse")
    fields = [(v.field, v.rule) for v in caught.value.violations]
    assert fields == [("from_number", "e164_numbers"), ("to_number", "e164_numbers")]
    assert isinstance(caught.value.violations[0], rc.Violation)


def test_extra_body_is_checked_like_the_arguments() -> None:
    script = Script([reply(201, PHONE_CALL)])
    with pytest.raises(rc.ValidationError) as caught:
        client(script).call.create_phone_call(**NUMBERS, extra_body={"metadata": "not an object"})
    assert (caught.value.field, caught.value.rule) == ("metadata", "type")
    assert script.requests == []


class Cyclic(dict[str, object]):
    pass


def _cycle() -> dict[str, object]:
    inner: dict[str, object] = {}
    inner["self"] = inner
    return {"loop": inner}


@pytest.mark.parametrize(
    ("metadata", "field", "words"),
    [
        ({"n": math.nan}, "metadata.n", "finite number"),
        ({"n": [1, math.inf]}, "metadata.n.1", "finite number"),
        ({"n": -math.inf}, "metadata.n", "finite number"),
        ({1: "x"}, "metadata", "keys must be str"),
        ({"when": datetime.datetime(2024, 1, 1)}, "metadata.when", "not datetime"),
        ({"amount": decimal.Decimal("1.10")}, "metadata.amount", "not Decimal"),
        ({"tags": {"a", "b"}}, "metadata.tags", "not set"),
        ({"raw": b"bytes"}, "metadata.raw", "not bytes"),
        (_cycle(), "metadata.loop.self", "must not contain itself"),
        ({"text": "lone \ud800 surrogate"}, "metadata.text", "lone surrogate"),
    ],
)
def test_what_json_cannot_carry_is_refused_naming_the_field(
    metadata: dict[Any, Any], field: str, words: str
) -> None:
    script = Script([reply(201, PHONE_CALL)])
    with pytest.raises(rc.ValidationError) as caught:
        client(script).call.create_phone_call(**NUMBERS, metadata=metadata)
    assert (caught.value.field, caught.value.rule, caught.value.keyword) == (field, "json", "json")
    assert words in caught.value.message
    assert script.requests == []


def test_json_values_and_their_python_spellings_are_sent_as_json() -> None:
    script = Script([reply(201, PHONE_CALL)])
    metadata = {"a": 1.5, "b": (None, True, "x"), "big": 10**30, "e": {}, "s": rc.CallStatus.ENDED}
    client(script).call.create_phone_call(**NUMBERS, metadata=metadata)
    sent = script.bodies()[0]["metadata"]
    assert sent == {"a": 1.5, "b": [None, True, "x"], "big": 10**30, "e": {}, "s": "ended"}
    assert json.loads(script.requests[0].content.decode("utf-8"))["metadata"]["big"] == 10**30


# --- responses ---------------------------------------------------------------------------------


def test_a_response_is_built_as_sent_by_default() -> None:
    body = {
        **PHONE_CALL,
        "call_status": "not_connected",
        "direction": "outbound",
        "latency": {"e2e": {"p50": 812, "values": [1, 2]}},
        "metadata": {"nested": {"kept": True}},
    }
    call = client(Script([reply(201, body)])).call.create_phone_call(**NUMBERS)
    assert call.call_status == "not_connected"
    assert type(call.call_status) is str  # a value this version does not know: kept, a str
    assert call.direction is rc.Direction.OUTBOUND  # one it knows: the member
    assert call.latency == {"e2e": {"p50": 812, "values": [1, 2]}}  # type: ignore[attr-defined]
    assert call.model_extra == {"latency": body["latency"]}
    assert call.metadata == {"nested": {"kept": True}}
    assert call.to_dict() == body
    assert json.loads(call.to_json()) == body


def test_a_lenient_response_missing_fields_or_of_wrong_types_does_not_raise() -> None:
    body = {"call_id": 7, "sample_rate": "fast", "call_status": None}
    call = client(Script([reply(201, body)])).call.create_phone_call(**NUMBERS)
    assert (call.call_id, call.call_status) == (7, None)  # type: ignore[comparison-overlap]
    with pytest.raises(AttributeError):
        _ = call.from_number


def test_strict_mode_rejects_what_lenient_mode_keeps() -> None:
    body = {**PHONE_CALL, "call_status": "not_connected", "latency": {"e2e": {"p50": 1}}}
    script = Script([reply(201, body)])
    with pytest.raises(rc.APIResponseValidationError) as caught:
        client(script, strict_response_validation=True).call.create_phone_call(**NUMBERS)
    assert (caught.value.field, caught.value.rule, caught.value.keyword) == (
        "call_status",
        "enum",
        "enum",
    )
    assert caught.value.status_code == 201
    assert caught.value.body == body
    assert len(script.requests) == 1  # not retried


def test_strict_mode_checks_the_spec_s_named_rules() -> None:
    strict = client(Script([reply(201, {**REGISTER_CALL, "sample_rate": 16000})]))
    strict = strict.with_options(strict_response_validation=True)
    with (
        pytest.warns(DeprecationWarning, match="deprecated"),
        pytest.raises(rc.APIResponseValidationError) as caught,
    ):
        strict.call.create_phone_call_v1(**NUMBERS)
    assert (caught.value.field, caught.value.rule) == ("sample_rate", "mulaw_sample_rate")
    inbound = client(Script([reply(201, {**PHONE_CALL, "direction": "inbound"})]))
    with pytest.raises(rc.APIResponseValidationError) as caught:
        inbound.with_options(strict_response_validation=True).call.create_phone_call(**NUMBERS)
    assert (caught.value.field, caught.value.rule) == ("direction", "outbound_direction")


def test_strict_mode_accepts_a_valid_answer() -> None:
    body = {**PHONE_CALL, "vendor_added": {"x": 1}}
    call = client(Script([reply(201, body)]), strict_response_validation=True).call
    assert call.create_phone_call(**NUMBERS).call_status is rc.CallStatus.REGISTERED


@pytest.mark.parametrize("strict", [False, True], ids=["lenient", "strict"])
@pytest.mark.parametrize(
    ("content", "what"),
    [
        (b"<html>oops</html>", "not JSON"),
        (b"", "not JSON"),
        (b'{"call_id": NaN}', "not JSON"),
        (b"[1, 2]", "an array, not an object"),
        (b'"text"', "a string, not an object"),
    ],
)
def test_a_success_body_that_is_not_a_json_object_is_an_error(
    strict: bool, content: bytes, what: str
) -> None:
    script = Script([httpx.Response(201, content=content)])
    with pytest.raises(rc.APIResponseValidationError) as caught:
        client(script, strict_response_validation=strict).call.create_phone_call(**NUMBERS)
    assert what in caught.value.message
    # not JSON at all: rule "json"; JSON of another type than the object due: rule "type",
    # as the validator (and the TypeScript and Go clients) name it
    assert caught.value.rule == ("json" if what == "not JSON" else "type")


def test_raw_responses() -> None:
    script = Script([reply(429, {}, {"retry-after": "0"}), reply(201, PHONE_CALL, {"X-Id": "r1"})])
    raw = client(script).call.with_raw_response.create_phone_call(**NUMBERS)
    assert isinstance(raw, rc.APIResponse)
    assert (raw.status_code, raw.headers["x-id"], raw.retries_taken) == (201, "r1", 1)
    assert isinstance(raw.http_response, httpx.Response)
    assert json.loads(raw.text()) == PHONE_CALL == raw.json()
    assert raw.read() == raw.http_response.content
    parsed = raw.parse()
    assert isinstance(parsed, rc.PhoneCallResponse)
    assert parsed.call_id == "call_1"
    assert raw.parse() is parsed
    assert repr(raw) == "<APIResponse [201 Created]>"


def test_a_raw_response_of_an_invalid_body_raises_only_when_parsed() -> None:
    script = Script([httpx.Response(201, content=b"not json")])
    raw = client(script).call.with_raw_response.create_phone_call(**NUMBERS)
    assert raw.text() == "not json"
    with pytest.raises(rc.APIResponseValidationError):
        raw.parse()


# --- errors ------------------------------------------------------------------------------------

STATUS_CLASSES = [
    pytest.param(e.status, getattr(rc, e.name.pascal), id=str(e.status)) for e in API.errors
]


@pytest.mark.parametrize(("status", "error"), STATUS_CLASSES)
def test_each_documented_status_raises_its_class(status: int, error: type[Any]) -> None:
    script = Script([reply(status, {"error_message": "nope"}, {"X-Request-Id": "q1"})])
    with pytest.raises(error) as caught:
        client(script, max_retries=0).call.create_phone_call(**NUMBERS)
    assert type(caught.value) is error
    assert isinstance(caught.value, rc.APIStatusError)
    assert caught.value.status_code == status
    assert caught.value.headers["x-request-id"] == "q1"
    assert caught.value.response.status_code == status
    assert caught.value.body == {"error_message": "nope"}
    assert caught.value.message == str(caught.value) == f"HTTP {status}: nope"


@pytest.mark.parametrize(
    ("status", "error"),
    [(503, rc.InternalServerError), (599, rc.InternalServerError), (418, rc.APIStatusError)],
)
def test_other_statuses(status: int, error: type[Any]) -> None:
    script = Script([httpx.Response(status, text="plain text")])
    with pytest.raises(error) as caught:
        client(script, max_retries=0).call.create_phone_call(**NUMBERS)
    assert type(caught.value) is error
    assert caught.value.body == "plain text"


def test_a_redirect_is_not_followed() -> None:
    script = Script([httpx.Response(307, headers={"Location": "http://elsewhere.test/steal"})])
    with pytest.raises(rc.APIStatusError) as caught:
        client(script).call.create_phone_call(**NUMBERS)
    assert type(caught.value) is rc.APIStatusError
    assert caught.value.status_code == 307
    assert "not followed" in caught.value.message
    assert [str(r.url.host) for r in script.requests] == ["retell.test"]


def test_the_error_classes_form_the_documented_tree() -> None:
    for name in ("ValidationError", "APIError"):
        assert issubclass(getattr(rc, name), rc.RetellError)
    for name in ("APIStatusError", "APIConnectionError", "APIResponseValidationError"):
        assert issubclass(getattr(rc, name), rc.APIError)
    assert issubclass(rc.APIResponseTooLargeError, rc.APIError)
    assert issubclass(rc.APITimeoutError, rc.APIConnectionError)
    assert not issubclass(rc.ValidationError, rc.APIError)
    doc = " ".join((_exceptions.__doc__ or "").split())
    for error in API.errors:
        suffix = " and above" if error.status == 500 else ""
        assert f"{error.name.pascal} {error.status}{suffix}" in doc
        assert issubclass(getattr(rc, error.name.pascal), rc.APIStatusError)
    assert not hasattr(rc, "Error")  # the error body's model is ErrorResponse
    assert "ErrorResponse" in rc.__all__


# --- deprecation -------------------------------------------------------------------------------


def test_the_deprecated_operation_warns_and_the_other_does_not() -> None:
    script = Script([reply(201, REGISTER_CALL), reply(201, PHONE_CALL)])
    retell = client(script)
    operation = API.operation("createPhoneCallV1")
    with pytest.warns(DeprecationWarning, match="create_phone_call_v1 is deprecated") as caught:
        call = retell.call.create_phone_call_v1(**NUMBERS, drop_call_if_machine_detected=True)
    assert operation.description in str(caught[0].message)
    assert caught[0].filename == __file__  # it points at the caller
    assert call.audio_encoding is rc.AudioEncoding.MULAW
    assert script.bodies()[0] == {**NUMBERS, "drop_call_if_machine_detected": True}
    assert str(script.requests[0].url) == f"{BASE_URL}{operation.path}"
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        retell.call.create_phone_call(**NUMBERS)
