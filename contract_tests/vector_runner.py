"""Send the fixed vectors and judge each answer: its expectation, its documentation, the rules."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable

import httpx

from contract_tests import spec
from contract_tests.account import Account
from contract_tests.checks import CUSTOM_RULE_NAMES, Exchange, judgements, parse_json
from contract_tests.findings import Finding, RequestRecord, RunOutcome, curl_command, excerpt
from contract_tests.safety import LIVE_LENIENCY_RULE, LiveGuard, must_be_rejected
from contract_tests.vectors import VALID_FROM, Auth, Expect, Vector

SOURCE = "vectors"
DOCUMENTED_RESPONSE = "documented_response"
WRONG_KEY = "wrong-key-0000000000000000"
REQUEST_TIMEOUT_SECONDS = 30.0
WITHHELD = "live guard withheld valid request"


def auth_headers(auth: Auth, api_key: str) -> dict[str, str]:
    """The Authorization header (if any) a vector sends."""
    values = {
        Auth.VALID: f"Bearer {api_key}",
        Auth.WRONG_KEY: f"Bearer {WRONG_KEY}",
        Auth.EMPTY_BEARER: "Bearer",
        Auth.NO_SCHEME: api_key,
        Auth.KEY_WITH_SUFFIX: f"Bearer {api_key}x",
        Auth.BASIC_SCHEME: f"Basic {api_key}",
    }
    value = values.get(auth)
    return {} if value is None else {"Authorization": value}


def request_bytes(vector: Vector) -> bytes:
    if vector.raw_body is not None:
        return vector.raw_body
    return json.dumps(vector.body, ensure_ascii=False).encode()


def expectation_problem(expect: Expect, status: int) -> str | None:
    met = {
        Expect.ACCEPTED: status == 201,
        Expect.REJECTED: 400 <= status < 500,
        Expect.UNAUTHORIZED: status == 401,
    }[expect]
    return None if met else f"expected {expect.value}, got {status}"


def documentation_problem(path: str, status: int, content_type: str, body: object) -> str | None:
    """Whether the answer is one the spec documents: status, JSON content, schema."""
    schema_name = spec.documented_responses(path).get(str(status))
    if schema_name is None:
        return f"status {status} is not documented for POST {path}"
    if not content_type.split(";")[0].strip().lower().endswith("json"):
        return f"content type {content_type!r} is not application/json"
    error = next(iter(spec.validator_for(schema_name).iter_errors(body)), None)
    if error is not None:
        where = "/".join(str(part) for part in error.absolute_path) or "(root)"
        return f"body breaks {schema_name} at {where}: {error.message[:200]}"
    return None


class VectorRunner:
    """Sends vectors to one base URL with one key, collecting findings and tallies."""

    def __init__(
        self,
        base_url: str,
        api_key: str,
        guard: LiveGuard | None = None,
        account: Account | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.api_key = api_key
        self.guard = guard
        self.account = account or Account()
        self.outcome = RunOutcome()
        self.skipped: list[Vector] = []

    def run(
        self, vectors: Iterable[Vector], progress: Callable[[str], None] | None = None
    ) -> RunOutcome:
        with httpx.Client(timeout=REQUEST_TIMEOUT_SECONDS) as client:
            for vector in vectors:
                if self.guard is not None and self.guard.tripped is not None:
                    break
                if vector.probes_numbers and self.account.from_number is not None:
                    self.skipped.append(vector)
                    continue
                self._run_one(client, vector)
        if progress is not None:
            withheld = sum(error.startswith(WITHHELD) for error in self.outcome.errors)
            line = f"vectors: {self.outcome.cases} sent, {withheld} withheld by the live guard"
            if self.skipped:
                line += (
                    f", {len(self.skipped)} skipped (they probe number formats such as '+12', "
                    "which no account manages, and --from-number is set)"
                )
            progress(line)
        return self.outcome

    def _run_one(self, client: httpx.Client, vector: Vector) -> None:
        headers = {"Content-Type": "application/json"} | auth_headers(vector.auth, self.api_key)
        body = self._aimed(vector, request_bytes(vector))
        if self.guard is not None and not self.guard.permits(vector.path, headers, body):
            self.outcome.errors.append(f"{WITHHELD}: {vector.rule} {vector.name}")
            return
        self.outcome.cases += 1
        try:
            response = client.post(self.base_url + vector.path, content=body, headers=headers)
        except httpx.HTTPError as error:
            message = f"[{vector.name}] no HTTP answer: {type(error).__name__}: {error}"
            self._record(vector.rule, vector, message, headers, body, None)
            return
        self._judge(vector, headers, body, response)
        self._trip_on_lenient_answer(vector, headers, body, response)

    def _trip_on_lenient_answer(
        self, vector: Vector, headers: dict[str, str], body: bytes, response: httpx.Response
    ) -> None:
        """In a live run, a 2xx to a request that had to be rejected may be a call being
        dialled: it is a finding, and the run stops sending."""
        if self.guard is None or not 200 <= response.status_code < 300:
            return
        if not must_be_rejected(vector.path, headers, body, self.api_key):
            return
        message = (
            f"[{vector.name}] a live server answered {response.status_code} to a request it "
            "had to reject (it may be placing a call); the run stopped sending"
        )
        self.guard.trip(message)
        self._record(LIVE_LENIENCY_RULE, vector, message, headers, body, response)

    def _aimed(self, vector: Vector, body: bytes) -> bytes:
        """The body as sent: fitted to the tested account (the managed number on every vector
        that does not probe it; the account's agent on valid ones) and, in a live run, a
        valid vector dials the tester's own numbers. Vectors probing number formats keep
        theirs (they are skipped with --from-number, and the live guard withholds them)."""
        document = parse_json(body) if vector.raw_body is None else None
        if not isinstance(document, dict):
            return body
        fitted = dict(document)
        if self.account.from_number is not None and fitted.get("from_number") == VALID_FROM:
            fitted["from_number"] = self.account.from_number
        valid = vector.expect is Expect.ACCEPTED and not vector.probes_numbers
        if valid:
            fitted = self.account.fit(fitted)
        numbers = self.guard.numbers if self.guard is not None else None
        if valid and numbers is not None:
            fitted = numbers.aim(fitted)
        return body if fitted == document else json.dumps(fitted, ensure_ascii=False).encode()

    def _judge(
        self, vector: Vector, headers: dict[str, str], body: bytes, response: httpx.Response
    ) -> None:
        parsed = parse_json(response.content)
        problems = [(vector.rule, expectation_problem(vector.expect, response.status_code))]
        content_type = response.headers.get("content-type", "")
        problems.append(
            (
                DOCUMENTED_RESPONSE,
                documentation_problem(vector.path, response.status_code, content_type, parsed),
            )
        )
        sent = parse_json(body) if vector.raw_body is None else None
        exchange = Exchange(vector.path, sent, response.status_code, parsed)
        applicable = judgements(exchange)
        for rule in CUSTOM_RULE_NAMES:
            self.outcome.ran.add((rule, vector.label))
        problems.extend(applicable)
        for rule, _ in problems:
            self.outcome.judge(rule, vector.label)
        for rule, message in problems:
            if message is not None:
                self._record(rule, vector, f"[{vector.name}] {message}", headers, body, response)

    def _record(
        self,
        rule: str,
        vector: Vector,
        message: str,
        headers: dict[str, str],
        body: bytes,
        response: httpx.Response | None,
    ) -> None:
        text = body.decode(errors="replace")
        url = self.base_url + vector.path
        self.outcome.findings.append(
            Finding(
                rule=rule,
                operation=vector.label,
                source=SOURCE,
                message=excerpt(message, self.api_key, 1000),
                request=RequestRecord.masked("POST", url, headers, text, self.api_key),
                status_code=None if response is None else response.status_code,
                response_excerpt="" if response is None else excerpt(response.text, self.api_key),
                reproduce=curl_command("POST", url, headers, text, self.api_key),
            )
        )
