"""The generated client alone: `pip install generated/python` in a fresh virtual environment
brings the client and its four dependencies, none of the toolkit's (no Schemathesis), and the
client places a call on a loopback mock and refuses a bad one before sending."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from starlette.types import ASGIApp, Receive, Scope, Send

from generator.ir import Operation, load_api
from generator.write import ignored
from mock_server import create_app, running_server
from tests.packaging.helpers import Venv, make_venv, require_ok, requirement_name, run, user_env

pytestmark = pytest.mark.slow

KEY = "key_packaging_0123456789"
TOOLKIT_ONLY = {"schemathesis", "hypothesis", "starlette", "uvicorn", "jinja2", "ruff", "rich"}

SCRIPT = """
import json, sys
import retell_client

case = json.loads(sys.argv[1])
client = retell_client.Retell(api_key=case["key"], base_url=case["base_url"], max_retries=0)
method = getattr(getattr(client, case["resource"]), case["method"])
answer = method(**case["body"]).to_dict()
try:
    method(**{**case["body"], case["field"]: "not a number"})
    refused = None
except retell_client.RetellError as error:
    refused = [type(error).__name__, error.field]
print(json.dumps({"answer": answer, "refused": refused}))
"""


@dataclass(frozen=True)
class ClientInstall:
    venv: Venv
    left_behind: set[str]  # files pip wrote under generated/ (relative to it)


def files_of(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def client_install(source_tree: Path, tmp_path_factory: pytest.TempPathFactory) -> ClientInstall:
    """`pip install generated/python` of the copy (pip builds in place, as for a user)."""
    generated = source_tree / "generated"
    before = files_of(generated)
    venv = make_venv(tmp_path_factory.mktemp("client") / "venv")
    venv.pip_install(str(generated / "python"), cwd=venv.root)
    return ClientInstall(venv, files_of(generated) - before)


@pytest.fixture(scope="module")
def client_venv(client_install: ClientInstall) -> Venv:
    return client_install.venv


class CountingRequests:
    """An ASGI app around another that counts the HTTP requests it gets."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.requests = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            self.requests += 1
        await self.app(scope, receive, send)


@pytest.fixture
def mock() -> Iterator[tuple[str, CountingRequests]]:
    counting = CountingRequests(create_app(api_key=KEY))
    with running_server(counting) as url:
        yield url, counting


def first_operation() -> Operation:
    return next(op for op in load_api().operations if not op.deprecated and op.request)


def test_it_installs_only_the_clients_dependencies(client_venv: Venv, source_tree: Path) -> None:
    installed = client_venv.distributions()
    declared = (source_tree / "generated" / "python" / "pyproject.toml").read_text()
    for dependency in ("httpx", "httpcore", "pydantic", "anyio"):
        assert f'"{dependency}' in declared
        assert requirement_name(dependency) in installed
    assert "retell-client" in installed
    assert not installed & TOOLKIT_ONLY


def test_what_pip_leaves_in_generated_is_not_drift(client_install: ClientInstall) -> None:
    """`make check-generated` ignores pip's build output (build/, *.egg-info)."""
    assert not [path for path in client_install.left_behind if not ignored(path)]


def test_it_creates_a_call_and_refuses_a_bad_number_before_sending(
    client_venv: Venv, mock: tuple[str, CountingRequests], tmp_path: Path
) -> None:
    mock_url, counting = mock
    operation = first_operation()
    assert operation.request is not None
    _, body = operation.request.examples[0]
    assert isinstance(body, dict)
    phone_field = next(field for field, value in body.items() if str(value).startswith("+"))
    case = {
        "key": KEY,
        "base_url": mock_url,
        "resource": operation.resource.snake,
        "method": operation.name.snake,
        "body": body,
        "field": phone_field,
    }
    result = run([str(client_venv.python), "-c", SCRIPT, json.dumps(case)], tmp_path, user_env())
    require_ok(result, "the generated client in its own environment")
    outcome = json.loads(result.stdout)
    assert outcome["answer"][phone_field] == body[phone_field]
    assert outcome["refused"] == ["ValidationError", phone_field]
    assert counting.requests == 1  # the refused call never left the client
