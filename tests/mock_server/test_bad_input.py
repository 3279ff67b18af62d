"""Every kind of bad input gets a 4xx with the spec's Error body, never a 500."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from tests.mock_server.conftest import ERROR_FIELD, FROM, PATHS, TO, V1, V2

JSON = b"application/json"
JSON_HEADERS = {"Content-Type": "application/json"}
VALID = f'{{"from_number": "{FROM}", "to_number": "{TO}"}}'.encode()
MIB = 1024 * 1024


def error_message(response: httpx.Response, status: int) -> str:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    assert isinstance(body, dict)
    assert isinstance(body[ERROR_FIELD], str)
    return str(body[ERROR_FIELD])


def post_raw(client: httpx.Client, content: bytes, path: str = V2) -> httpx.Response:
    return client.post(path, content=content, headers=JSON_HEADERS)


@pytest.mark.parametrize(
    "content",
    [b"{", b"{bad json}", b'{"from_number": }', VALID + b"garbage", b"\xff\xfe{}", b"NaN"],
    ids=["unclosed", "bare-word", "missing-value", "trailing", "bad-utf8", "nan"],
)
@pytest.mark.parametrize("path", PATHS)
def test_malformed_json_is_400(client: httpx.Client, content: bytes, path: str) -> None:
    assert "not valid JSON" in error_message(post_raw(client, content, path), 400)


@pytest.mark.parametrize("content_type", [None, "application/json", "text/plain"])
@pytest.mark.parametrize("path", PATHS)
def test_missing_body_is_400(client: httpx.Client, content_type: str | None, path: str) -> None:
    headers = {} if content_type is None else {"Content-Type": content_type}
    response = client.post(path, headers=headers)
    assert "required" in error_message(response, 400)


@pytest.mark.parametrize(
    "content_type",
    [None, "text/plain", "application/xml", "application/json; charset=latin-1", "multipart/form"],
)
def test_wrong_content_type_is_415(client: httpx.Client, content_type: str | None) -> None:
    headers = {} if content_type is None else {"Content-Type": content_type}
    response = client.post(V2, content=VALID, headers=headers)
    assert "Content-Type" in error_message(response, 415)


def test_body_over_1_mib_is_413(client: httpx.Client) -> None:
    content = b'{"metadata": {"x": "' + b"a" * MIB + b'"}}'
    error_message(post_raw(client, content), 413)


def test_chunked_body_over_1_mib_is_413_while_streaming(client: httpx.Client) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"metadata": {"x": "'
        for _ in range(64):
            yield b"a" * 65536

    response = client.post(V2, content=chunks(), headers=JSON_HEADERS)
    error_message(response, 413)


def test_body_of_exactly_1_mib_is_not_413(client: httpx.Client) -> None:
    head = f'{{"from_number": "{FROM}", "to_number": "{TO}", "metadata": {{"x": "'.encode()
    tail = b'"}}'
    content = head + b"a" * (MIB - len(head) - len(tail)) + tail
    assert len(content) == MIB
    assert post_raw(client, content).status_code == 201


E164 = "must match the pattern ^\\+[1-9][0-9]{1,14}$ (rule: e164_numbers)"


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"to_number": TO}, "from_number: is required (rule: required)"),
        ({"from_number": FROM}, "to_number: is required (rule: required)"),
        ({"from_number": "14157774444", "to_number": TO}, f"from_number: {E164}"),
        ({"from_number": "+0123", "to_number": TO}, f"from_number: {E164}"),
        ({"from_number": "+1415777444412345", "to_number": TO}, f"from_number: {E164}"),
        ({"from_number": "+\u0661\u0664\u0661\u0665", "to_number": TO}, f"from_number: {E164}"),
        ({"from_number": FROM, "to_number": TO + "\n"}, f"to_number: {E164}"),
        (
            {"from_number": FROM, "to_number": 14157774444},
            "to_number: must be a string, not integer (rule: e164_numbers)",
        ),
        (
            {"from_number": FROM, "to_number": TO, "override_agent_id": 7},
            "override_agent_id: must be a string, not integer (rule: type)",
        ),
        (
            {"from_number": FROM, "to_number": TO, "metadata": [1]},
            "metadata: must be an object, not array (rule: type)",
        ),
        (
            {"from_number": FROM, "to_number": TO, "metadata": "x"},
            "metadata: must be an object, not string (rule: type)",
        ),
        (
            {"from_number": FROM, "to_number": TO, "retell_llm_dynamic_variables": {"a": 1}},
            "retell_llm_dynamic_variables.a: must be a string, not integer (rule: type)",
        ),
        (
            {"from_number": FROM, "to_number": TO, "retell_llm_dynamic_variables": []},
            "retell_llm_dynamic_variables: must be an object, not array (rule: type)",
        ),
        (
            {"from_number": 1, "to_number": 2},
            "from_number: must be a string, not integer (rule: e164_numbers); "
            "to_number: must be a string, not integer (rule: e164_numbers)",
        ),
    ],
)
@pytest.mark.parametrize("path", [V2, V1])
def test_schema_violation_is_400_naming_each_field_and_rule(
    client: httpx.Client, fields: dict[str, Any], expected: str, path: str
) -> None:
    assert error_message(client.post(path, json=fields), 400) == expected


def test_the_first_five_violations_are_named_then_counted(client: httpx.Client) -> None:
    variables = {f"v{i}": i for i in range(8)}
    body = {"from_number": FROM, "to_number": TO, "retell_llm_dynamic_variables": variables}
    message = error_message(client.post(V2, json=body), 400)
    parts = message.split("; ")
    assert parts[:5] == [
        f"retell_llm_dynamic_variables.v{i}: must be a string, not integer (rule: type)"
        for i in range(5)
    ]
    assert parts[5:] == ["and 3 more"]


def test_a_flood_of_violations_is_counted_only_so_far(client: httpx.Client) -> None:
    variables = {f"v{i}": i for i in range(5000)}
    body = {"from_number": FROM, "to_number": TO, "retell_llm_dynamic_variables": variables}
    assert error_message(client.post(V2, json=body), 400).endswith("; and at least 96 more")


@pytest.mark.parametrize("value", [35.0, 35, True, None])
@pytest.mark.parametrize("path", [V2, V1])
def test_no_value_is_coerced_before_the_validator_sees_it(
    client: httpx.Client, value: object, path: str
) -> None:
    """A string field refuses what JSON Schema says is not a string: nothing converts it."""
    body = {"from_number": FROM, "to_number": TO, "override_agent_id": value}
    message = error_message(client.post(path, json=body), 400)
    kind = {bool: "boolean", type(None): "null"}.get(type(value), "integer")  # 35.0 too
    assert message == f"override_agent_id: must be a string, not {kind} (rule: type)"


@pytest.mark.parametrize("value", ["true", 1, 0, 1.0, "false", [], {}])
def test_v1_drop_call_if_machine_detected_must_be_a_boolean(
    client: httpx.Client, value: Any
) -> None:
    body = {"from_number": FROM, "to_number": TO, "drop_call_if_machine_detected": value}
    message = error_message(client.post(V1, json=body), 400)
    assert message.startswith("drop_call_if_machine_detected: must be a boolean, not ")


@pytest.mark.parametrize("content", [b"[]", b'"text"', b"1", b"null", b"true"])
def test_body_that_is_not_an_object_is_400(client: httpx.Client, content: bytes) -> None:
    assert error_message(post_raw(client, content), 400).startswith("body: must be an object")


V2_OPTIONAL = ["override_agent_id", "metadata", "retell_llm_dynamic_variables"]


@pytest.mark.parametrize(
    ("path", "field"),
    [(V2, f) for f in V2_OPTIONAL]
    + [(V1, f) for f in [*V2_OPTIONAL, "drop_call_if_machine_detected"]],
)
def test_null_for_an_optional_field_is_400(client: httpx.Client, path: str, field: str) -> None:
    body = {"from_number": FROM, "to_number": TO, field: None}
    message = error_message(client.post(path, json=body), 400)
    assert message.startswith(f"{field}: must be "), message
    assert message.endswith(", not null") or ", not null (rule: " in message


@pytest.mark.parametrize("path", ["/", "/v3/create-phone-call", V2 + "/", V2.upper(), "/x" * 300])
def test_unknown_path_is_404(client: httpx.Client, path: str) -> None:
    message = error_message(client.post(path, json={}), 404)
    assert message == f"No such endpoint: {path}"


@pytest.mark.parametrize("method", ["GET", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD"])
@pytest.mark.parametrize("path", PATHS)
def test_wrong_method_is_405_with_allow(client: httpx.Client, method: str, path: str) -> None:
    response = client.request(method, path)
    assert response.status_code == 405
    assert response.headers["allow"] == "POST"
    if method != "HEAD":
        error_message(response, 405)


def nested(depth: int) -> bytes:
    return b'{"metadata": ' + b'{"a": ' * depth + b"1" + b"}" * (depth + 1)


HOSTILE = {
    "non-ascii-keys": '{"from_number": "+14157774444", "to_number": "+12137774445", '
    '"métadonnées": {"键": "值"}, "метаданные": 1}'.encode(),
    "non-ascii-values": '{"from_number": "+\u0661", "to_number": "☎", '
    '"override_agent_id": "агент"}'.encode(),
    "emoji-keys": '{"from_number": "+14157774444", "to_number": "+12137774445", '
    '"retell_llm_dynamic_variables": {"😀": "🎉"}}'.encode(),
    "deep-nesting": nested(10_000),
    "moderate-nesting": nested(150),
    "deep-arrays": b'{"metadata": {"a": ' + b"[" * 50_000 + b"]" * 50_000 + b"}}",
    "huge-integer": b'{"from_number": "+14157774444", "to_number": "+12137774445", '
    b'"metadata": {"n": ' + b"9" * 5000 + b"}}",
    "huge-integer-field": b'{"from_number": ' + b"9" * 100_000 + b"}",
    "duplicate-keys": b'{"metadata": {}, "metadata": {}, "from_number": "+1", "from_number": 2}',
    "invalid-utf8-in-string": b'{"from_number": "+1415\xc3\x28", "to_number": "+12137774445"}',
    "lone-surrogate": b'{"from_number": "\\ud800", "to_number": "+12137774445"}',
    "nul-bytes": b'{"from_number": "+1415\\u0000", "to_number": "\x00"}',
    "long-key": b'{"' + b"k" * 500_000 + b'": 1}',
    "many-keys": b"{" + b",".join(b'"k%d": %d' % (i, i) for i in range(50_000)) + b"}",
    "bom": b'\xef\xbb\xbf{"from_number": "+14157774444", "to_number": "+12137774445"}',
    "only-whitespace": b" \n\t ",
    "huge-exponent": VALID[:-1] + b', "x": 1e999999999}',
    "tiny-exponent": VALID[:-1] + b', "x": 1e-999999}',
}


@pytest.mark.parametrize("content", list(HOSTILE.values()), ids=list(HOSTILE))
@pytest.mark.parametrize("path", PATHS)
def test_hostile_bodies_never_cause_a_server_error(
    client: httpx.Client, content: bytes, path: str
) -> None:
    response = post_raw(client, content, path)
    assert response.status_code in {201, 400}, response.text
    assert "Traceback" not in response.text
    assert response.json()


@pytest.mark.parametrize(
    "headers",
    [
        {b"Authorization": "Bearer ключ".encode()},
        {b"Authorization": b"Bearer \xff\xfe"},
        {b"Authorization": b"\xff"},
        {b"Content-Type": "application/json; charset=ünï".encode()},
        {b"Content-Type": b"application/json;;;"},
        {b"Content-Type": b"application/json; charset"},
        {b"Content-Type": b"\xff/\xfe"},
        {b"X-Mock-Fault": b"nonsense"},
        {b"X-Mock-Fault": b"\xff"},
        {b"X-Mock-Fault": b"429;count=-1"},
        {b"X-Mock-Fault": b"429;count=99999999999999999999999"},
        {b"X-Mock-Fault": b"slow;delay=abc"},
        {b"X-Mock-Fault": b"slow;delay=nan"},
        {b"X-Mock-Fault": b"500;colour=red"},
    ],
)
def test_hostile_headers_never_cause_a_server_error(
    client: httpx.Client, headers: dict[bytes, bytes]
) -> None:
    response = client.post(V2, content=VALID, headers={b"Content-Type": JSON, **headers})
    assert response.status_code in {201, 400, 401, 415}, response.text
    assert response.json()


def test_a_client_that_hangs_up_mid_body_does_not_break_the_server(
    base_url: str, client: httpx.Client
) -> None:
    host, port = base_url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=5) as raw:
        raw.sendall(
            b"POST /v2/create-phone-call HTTP/1.1\r\nHost: x\r\n"
            b"Authorization: Bearer retell-mock-development-key\r\n"
            b'Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{"from_'
        )
    assert post_raw(client, VALID).status_code == 201


@pytest.mark.parametrize(
    ("fragment", "field"),
    [
        (b'"metadata": {"n": 1e400}', "metadata.n"),
        (b'"metadata": {"n": -2.5E+400}', "metadata.n"),
        (b'"metadata": {"big": ' + b"1" * 309 + b"}", None),  # an int: exact, not refused
        (b'"metadata": {"deep": [0, {"m": -1e400}]}', "metadata.deep.1.m"),
        (b'"metadata": {"digits": ' + b"9" * 400 + b".0}", "metadata.digits"),
        (b'"x_unnamed": [1e999]', "x_unnamed.0"),
        (b'"override_agent_id": 1e400', "override_agent_id"),  # before the schema's "string"
    ],
)
@pytest.mark.parametrize("path", PATHS)
def test_a_number_beyond_float_range_is_refused_not_echoed_as_null(
    client: httpx.Client, fragment: bytes, field: str | None, path: str
) -> None:
    content = b'{"from_number": "+14157774444", "to_number": "+12137774445", ' + fragment + b"}"
    response = post_raw(client, content, path)
    if field is None:
        assert response.status_code == 201, response.text
        return
    assert response.status_code == 400, response.text
    message = response.json()[ERROR_FIELD]
    assert message == f"{field}: number is outside the range of a 64-bit float (rule: json)"


@pytest.mark.parametrize("path", PATHS)
def test_numbers_within_float_range_are_echoed_as_parsed(client: httpx.Client, path: str) -> None:
    content = (
        b'{"from_number": "+14157774444", "to_number": "+12137774445", '
        b'"metadata": {"big": 1e300, "small": -2.5e-300, "int": ' + b"9" * 60 + b"}}"
    )
    response = post_raw(client, content, path)
    assert response.status_code == 201, response.text
    assert response.json()["metadata"] == {"big": 1e300, "small": -2.5e-300, "int": int("9" * 60)}
