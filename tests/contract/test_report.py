"""The suite's outputs: console, JUnit XML, Markdown and reproduction commands cannot leak the
key or be hijacked by what a server sends, and say the same thing (results built directly)."""

from __future__ import annotations

import dataclasses
import io
import os
import re
import shlex
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from rich.console import Console

from contract_tests import cli
from contract_tests.findings import Finding, RequestRecord
from contract_tests.fitting import Account
from contract_tests.gateway import Limits
from contract_tests.live import LiveNumbers
from contract_tests.options import SuiteOptions
from contract_tests.report import (
    curl_command,
    junit_xml,
    key_variable,
    markdown_report,
    print_result,
    rerun_command,
    write_text,
)
from contract_tests.suite import SuiteResult
from generator.ir import load_api
from tests.contract.data.results import (
    CONTROL_CHARS,
    HIDDEN_UNICODE,
    HOSTILE_BYTES,
    KEY,
    TARGET,
    V1,
    V2,
    compliant,
    finding,
    hostile,
    incomplete,
    interrupted,
    key_spellings,
    options,
    record,
    result,
    violating,
)

Build = Callable[[], SuiteResult]
VARIABLE = key_variable()
SERVER_SEQUENCES = ["\x1b[2J", "\x1b]0;", "\x1b]8;;", "\x07", "\x9b", "\r", "\x00"]


def render(run: SuiteResult, *, terminal: bool = False) -> str:
    out = io.StringIO()
    console = Console(
        file=out,
        width=100,
        force_terminal=terminal,
        color_system="truecolor" if terminal else None,
        legacy_windows=False,
    )
    print_result(run, console)
    return out.getvalue()


def assert_no_key(text: str) -> None:
    for spelled in key_spellings(KEY):
        assert spelled not in text, spelled


# --- console -------------------------------------------------------------------------------


@pytest.mark.parametrize("terminal", [False, True])
def test_console_masks_every_spelling_of_the_key(terminal: bool) -> None:
    output = render(hostile(), terminal=terminal)
    assert_no_key(output)
    assert "Bearer ***" in output


def test_console_shows_control_characters_of_the_server_escaped() -> None:
    output = render(hostile())
    assert not set(output) & (set(CONTROL_CHARS) - {"\n"})
    assert not set(output) & set(HIDDEN_UNICODE)
    assert "\\x1b[2J" in output
    assert "\\u202e" in output
    assert "\\x00" in output


def test_a_terminal_receives_no_escape_sequence_from_the_server() -> None:
    output = render(hostile(), terminal=True)
    for sequence in SERVER_SEQUENCES:
        assert sequence not in output, repr(sequence)
    # no line of server text is styled or highlighted: rich's own codes stay off it
    for line in output.splitlines():
        if "rule broken:" in line or "body (" in line or "response:" in line:
            assert "\x1b" not in line, line


def test_server_markup_and_emoji_codes_are_printed_as_they_are() -> None:
    output = render(hostile())
    assert "[red]markup[/red]" in output
    assert ":warning:" in output
    assert "\N{WARNING SIGN}" not in output


def _lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.strip()]


def test_console_order_findings_notes_errors_table_verdict_rerun() -> None:
    run = dataclasses.replace(violating())
    run.outcome.notes.append("a note")
    run.outcome.errors.append("an error")
    lines = _lines(render(run))

    def first(prefix: str) -> int:
        return next(i for i, line in enumerate(lines) if line.strip().startswith(prefix))

    order = [first("FAIL "), first("note: a note"), first("error: an error")]
    order += [first("Contract summary"), first("VIOLATIONS FOUND"), first("rerun: ")]
    assert order == sorted(order)
    assert lines[-2].startswith("VIOLATIONS FOUND: 6 findings")
    assert lines[-1].startswith("rerun: ")


def test_the_first_few_findings_per_rule_and_operation_then_a_pointer_to_the_junit() -> None:
    output = render(violating())
    assert output.count(f"FAIL closed_enums on {V2}") == 3
    assert output.count(f"FAIL e164_numbers on {V1}") == 1
    assert "... and 2 more findings" in output
    assert "JUnit" in output.split("... and 2 more findings")[1].splitlines()[0]


def _row(output: str, rule: str) -> list[str]:
    line = next(line for line in output.splitlines() if re.match(rf"[│┃] {rule} ", line))
    return [cell.strip() for cell in re.split("[│┃]", line.strip("│┃ "))]


def test_summary_table_rules_down_operations_across() -> None:
    output = render(violating())
    header = _row(output, "rule")
    assert header == ["rule", V1, V2]  # operations across, sorted
    assert _row(output, "closed_enums") == ["closed_enums", "-", "FAIL 5/40"]
    assert _row(output, "e164_numbers") == ["e164_numbers", "FAIL 1/3", "-"]
    assert _row(output, "silence_minimum") == ["silence_minimum", "-", "ok 9"]
    assert _row(output, "mulaw_sample_rate") == ["mulaw_sample_rate", "-", "n/a"]


def _stopped() -> SuiteResult:
    return dataclasses.replace(violating(), stopped="5 transport failures in a row")


@pytest.mark.parametrize(
    ("build", "word", "says_incomplete"),
    [
        (compliant, "COMPLIANT", False),
        (violating, "VIOLATIONS FOUND", False),
        (incomplete, "INCOMPLETE", True),
        (interrupted, "INTERRUPTED", True),
        (lambda: dataclasses.replace(violating(), interrupted="SIGTERM"), "INTERRUPTED", True),
        (
            lambda: dataclasses.replace(violating(), incomplete="vectors cut"),
            "VIOLATIONS FOUND",
            True,
        ),
        (_stopped, "VIOLATIONS FOUND", True),
    ],
)
def test_the_verdict_line_starts_with_the_verdict_and_says_when_the_run_is_incomplete(
    build: Build, word: str, says_incomplete: bool
) -> None:
    run = build()
    lines = _lines(render(run))
    assert lines[-2].startswith(f"{word}: ")
    assert ("the run is incomplete" in lines[-2]) is says_incomplete
    if run.interrupted:
        assert "COMPLIANT" not in "\n".join(lines)


def test_user_info_of_the_base_url_never_appears() -> None:
    run = dataclasses.replace(
        compliant(), options=options(base_url=f"http://admin:{quote(KEY, safe='')}@127.0.0.1:9")
    )
    for text in (render(run), junit_xml(run), markdown_report(run), rerun_command(run)):
        assert_no_key(text)
        assert "admin" not in text


# --- reproduction: curl --------------------------------------------------------------------


def _bash(command: str, tmp_path: Path, **env: str) -> subprocess.CompletedProcess[bytes]:
    """Run `command` with `curl` replaced by a function recording its argv and its stdin."""
    fake = 'curl() { printf "%s\\0" "$@" > "$ARGS_FILE"; cat > "$BODY_FILE"; }\n'
    environment = {
        "PATH": os.environ["PATH"],
        "ARGS_FILE": str(tmp_path / "args"),
        "BODY_FILE": str(tmp_path / "body"),
        **env,
    }
    return subprocess.run(
        ["bash", "-c", fake + command], env=environment, capture_output=True, check=False
    )


TRICKY_BODY = (
    bytes(range(256))
    + b"'\\%b\\c%s\\0101 $HOME `id` \xff\xfe"
    + KEY.encode()
    + b"x"  # right after the key: $RETELL_API_KEYx would expand another variable
    + HOSTILE_BYTES
    + KEY.encode()
    + b"\n\n"  # trailing newlines are bytes too
)
TRICKY_URL = f"{TARGET}/v2/create-phone-call/../x?q=[1]{{2}}&k={KEY}&s=it's"
TRICKY_HEADERS = (
    ("X-Key-Suffix", f"{KEY}x"),
    ("X-Empty", ""),
    ("X-Quote", 'it\'s "fine" $HOME `id` \\ ${PATH} !!'),
    ("X-Unicode", "caf\u00e9 \u202e"),
)


def test_curl_command_is_one_valid_shell_line_without_the_key() -> None:
    command = curl_command(record(TRICKY_BODY, TRICKY_HEADERS, TRICKY_URL), KEY)
    assert_no_key(command)
    assert "\n" not in command
    assert all(char.isprintable() for char in command)
    assert f"${VARIABLE}" not in command  # only ever braced
    assert f'"${{{VARIABLE}}}"' in command
    check = subprocess.run(["bash", "-n", "-c", command], capture_output=True, check=False)
    assert check.returncode == 0, check.stderr
    words = shlex.split(command)
    assert f"Authorization: Bearer ${{{VARIABLE}}}" in words


def test_curl_command_replays_the_request_byte_for_byte(tmp_path: Path) -> None:
    sent = record(TRICKY_BODY, TRICKY_HEADERS, TRICKY_URL)
    command = curl_command(sent, KEY)
    ran = _bash(command, tmp_path, **{VARIABLE: KEY})
    assert ran.returncode == 0, ran.stderr
    assert (tmp_path / "body").read_bytes() == TRICKY_BODY
    arguments = (tmp_path / "args").read_bytes().decode().split("\0")[:-1]
    assert TRICKY_URL in arguments
    assert arguments[arguments.index("-X") + 1] == "POST"
    assert {"--globoff", "--path-as-is", "--data-binary"} <= set(arguments)
    headers = [arguments[i + 1] for i, word in enumerate(arguments) if word == "-H"]
    assert headers == [
        f"Authorization: Bearer {KEY}",
        "Content-Type: application/json",
        f"X-Key-Suffix: {KEY}x",
        "X-Empty;",  # curl sends "Name;" as an empty header ("Name:" would drop it)
        'X-Quote: it\'s "fine" $HOME `id` \\ ${PATH} !!',
        "X-Unicode: caf\u00e9 \u202e",
    ]


def test_the_printf_part_alone_writes_the_body(tmp_path: Path) -> None:
    command = curl_command(record(TRICKY_BODY), KEY)
    printf = command.split(" | curl ")[0]
    assert printf.startswith("printf ")
    written = subprocess.run(
        ["bash", "-c", printf], env={VARIABLE: KEY}, capture_output=True, check=True
    )
    assert written.stdout == TRICKY_BODY


def test_curl_without_body_or_content_type(tmp_path: Path) -> None:
    bare = RequestRecord("GET", f"{TARGET}/v2/create-phone-call", (), None)
    command = curl_command(bare, KEY)
    assert "printf" not in command
    assert "--data-binary" not in command
    untyped = RequestRecord("POST", f"{TARGET}/x", (), b"{}")
    ran = _bash(curl_command(untyped, KEY), tmp_path)
    arguments = (tmp_path / "args").read_bytes().decode().split("\0")
    assert ran.returncode == 0
    assert "Content-Type:" in arguments  # removes the form type curl would add


def test_the_key_variable_comes_from_the_ir() -> None:
    assert f"{load_api().env_prefix}_API_KEY" == VARIABLE
    command = curl_command(record(), KEY, "OTHER_KEY")
    assert '"${OTHER_KEY}"' in command
    assert VARIABLE not in command


def test_other_spellings_of_the_key_in_a_request_are_masked() -> None:
    body = ('{"k": "' + key_spellings(KEY)[3] + '"}').encode()
    command = curl_command(record(body, url=f"{TARGET}/x?k={key_spellings(KEY)[6]}"), KEY)
    assert_no_key(command)
    assert "***" in command


# --- reproduction: the rerun line ----------------------------------------------------------


def _full_options() -> SuiteOptions:
    return options(
        spec=Path("spec/openapi.yaml"),
        include_operations=("createPhoneCall", "createPhoneCallV1"),
        exclude_operations=("other",),
        exclude_checks=("closed_enums", "e164_numbers"),
        max_examples=33,
        seed=987654321,
        workers=3,
        live=True,
        max_live_calls=2,
        live_numbers=LiveNumbers("+14155550101", "+14155550102"),
        account=Account("+14155550101", "agent 'quoted' $x"),
        limits=Limits(request_timeout_s=2.5, max_response_bytes=4096),
        max_time_s=30.25,
        baseline=Path("reports/known findings.json"),
    )


def test_the_rerun_line_carries_every_option_that_shapes_the_run() -> None:
    run = result(run_options=_full_options())
    command = rerun_command(run)
    assert_no_key(command)
    words = shlex.split(command)
    assert words[:3] == [os.path.abspath(sys.executable), "-m", "contract_tests"]
    assert Path(words[0]).is_absolute()
    assert "--api-key" not in words
    parsed = cli.build_parser().parse_args(words[3:])
    assert parsed.base_url == TARGET
    assert parsed.spec == Path("spec/openapi.yaml").absolute()
    assert parsed.include_operation_id == ["createPhoneCall", "createPhoneCallV1"]
    assert parsed.exclude_operation_id == ["other"]
    assert parsed.exclude_checks == ["closed_enums,e164_numbers"]
    assert (parsed.max_examples, parsed.seed, parsed.workers) == (33, 987654321, 3)
    assert (parsed.max_time, parsed.request_timeout, parsed.max_response_bytes) == (
        30.25,
        2.5,
        4096,
    )
    assert (parsed.live, parsed.max_live_calls) == (True, 2)
    assert (parsed.from_number, parsed.live_to_number) == ("+14155550101", "+14155550102")
    assert parsed.agent_id == "agent 'quoted' $x"
    # a baselined run rerun without its baseline would fail on the findings it tolerated
    assert parsed.baseline == Path("reports/known findings.json").absolute()
    assert subprocess.run(["bash", "-n", "-c", command], check=False).returncode == 0


def test_the_rerun_line_of_a_run_on_a_started_mock_starts_a_mock_again() -> None:
    run = result(run_options=options(mock_started=True, base_url="http://127.0.0.1:43210"))
    words = shlex.split(rerun_command(run))
    assert "--base-url" not in words
    assert cli.build_parser().parse_args(words[3:]).base_url is None


def test_the_rerun_line_works_outside_the_virtual_environment(tmp_path: Path) -> None:
    words = shlex.split(rerun_command(compliant()))
    interpreter = " ".join(shlex.quote(word) for word in words[:3])
    ran = subprocess.run(
        ["/bin/bash", "-c", f"{interpreter} --help"],
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},  # no venv, no project on PATH
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert ran.returncode == 0, ran.stderr
    assert "--base-url" in ran.stdout


def test_option_values_with_control_characters_stay_one_printable_line(tmp_path: Path) -> None:
    agent = "a\nb\x1b[2Jc'd\u202e"
    run = result(run_options=options(account=Account(None, agent)))
    command = rerun_command(run)
    assert all(char.isprintable() for char in command)
    printed = render(run).splitlines()[-1]
    assert printed == f"rerun: {command}"
    ran = subprocess.run(
        ["bash", "-c", f'set -- {command}; printf "%s\\0" "$@"'], capture_output=True, check=True
    )
    arguments = ran.stdout.decode().split("\0")[:-1]
    assert arguments[arguments.index("--agent-id") + 1] == agent


# --- JUnit XML -----------------------------------------------------------------------------


def _junit(run: SuiteResult) -> ET.Element:
    return ET.fromstring(junit_xml(run).encode("utf-8"))


def _cases(root: ET.Element) -> list[ET.Element]:
    return root.findall("./testsuite/testcase")


def test_junit_has_a_testcase_per_finding_and_per_rule() -> None:
    root = _junit(violating())
    cases = {(case.get("classname"), case.get("name")): case for case in _cases(root)}
    assert len(cases) == len(_cases(root))  # viewers keep only the first of equal names
    for index in range(1, 6):
        failure = cases[(V2, f"closed_enums #{index}")].find("failure")
        assert failure is not None
        assert failure.get("message") == f"case {index - 1}: 'weird' is not an enum value"
        assert failure.get("type") == "closed_enums"
    single = cases[(V1, "e164_numbers")].find("failure")
    assert single is not None
    assert single.get("message") == "'+1 415' is not E.164"
    assert "reproduce: printf" in (single.text or "")
    assert list(cases[(V2, "silence_minimum")]) == []  # passed
    skipped = cases[(V2, "mulaw_sample_rate")].find("skipped")
    assert skipped is not None
    assert "n/a" in (skipped.get("message") or "")


@pytest.mark.parametrize(
    "build", [compliant, violating, hostile, incomplete, interrupted, _stopped]
)
def test_junit_counts_add_up_and_every_element_has_a_time(build: Build) -> None:
    root = _junit(build())
    cases = _cases(root)
    for element in (root, root.find("testsuite")):
        assert element is not None
        assert int(element.get("tests", "-1")) == len(cases)
        for tag, name in (("failure", "failures"), ("error", "errors"), ("skipped", "skipped")):
            assert int(element.get(name, "-1")) == sum(1 for c in cases if c.find(tag) is not None)
        assert float(element.get("time", "-1")) == 12.5
    for case in cases:
        assert float(case.get("time", "-1")) >= 0
        assert len(case) <= 1 or all(child.tag in ("failure", "error") for child in case)


@pytest.mark.parametrize(
    ("build", "reason"),
    [
        (incomplete, "fixed vectors"),
        (interrupted, "SIGINT"),
        (_stopped, "transport failures"),
    ],
)
def test_an_incomplete_run_is_an_error_in_the_junit(build: Build, reason: str) -> None:
    root = _junit(build())
    [case] = [case for case in _cases(root) if case.get("name") == "run_incomplete"]
    error = case.find("error")
    assert error is not None
    assert reason in (error.get("message") or "")
    assert int(root.get("errors", "0")) >= 1


def test_a_complete_run_has_no_incomplete_testcase() -> None:
    assert not [c for c in _cases(_junit(violating())) if c.get("name") == "run_incomplete"]


def test_suite_errors_are_error_testcases() -> None:
    root = _junit(result(errors=["a case could not be run: boom", "again"]))
    names = [case.get("name") for case in _cases(root) if case.find("error") is not None]
    assert names == ["suite_error #1", "suite_error #2"]


def test_junit_parses_whatever_the_server_sent_and_holds_no_key(tmp_path: Path) -> None:
    path = tmp_path / "junit.xml"
    write_text(path, junit_xml(hostile()))
    raw = path.read_bytes()
    root = ET.fromstring(raw)
    assert_no_key(raw.decode("utf-8"))
    assert root.find(".//injected") is None
    text = "".join(root.itertext()) + "".join(str(e.attrib) for e in root.iter())
    assert "]]>" in text  # kept as text, escaped
    assert "\\x1b[2J" in text


SERVER_TEXT = st.text(st.characters(exclude_categories=()), max_size=60)  # lone surrogates too


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    body=st.binary(max_size=200),
    answer=st.binary(max_size=200),
    message=SERVER_TEXT,
    note=SERVER_TEXT,
)
def test_every_output_survives_any_bytes_and_text(
    body: bytes, answer: bytes, message: str, note: str
) -> None:
    bad = finding(
        message=message, request=record(body + KEY.encode()), response=answer + KEY.encode()
    )
    run = result([bad], judged={("closed_enums", V2): 1}, notes=[note], errors=[note])
    document = junit_xml(run)
    ET.fromstring(document.encode("utf-8"))
    report = markdown_report(run)
    console = render(run)
    for text in (document, report, console):
        assert KEY not in text
        assert not set(text) & (set(CONTROL_CHARS) - {"\n"})
        text.encode("utf-8")  # no lone surrogate left


# --- Markdown ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("build", "expected"),
    [
        (compliant, "# Contract report: COMPLIANT"),
        (violating, "# Contract report: VIOLATIONS FOUND"),
        (incomplete, "# Contract report: INCOMPLETE - the run is incomplete: "),
        (interrupted, "# Contract report: INTERRUPTED - the run is incomplete: "),
        (_stopped, "# Contract report: VIOLATIONS FOUND - the run is incomplete: "),
    ],
)
def test_markdown_first_line_gives_the_verdict_and_says_when_the_run_is_incomplete(
    build: Build, expected: str
) -> None:
    first = markdown_report(build()).splitlines()[0]
    assert first.startswith(expected)
    assert first == expected or "incomplete" in first


def test_markdown_summary_comes_before_the_findings() -> None:
    report = markdown_report(violating())
    assert report.index("## Summary") < report.index("## Findings")
    assert "| `closed_enums` | - | FAIL 5/40 |" in report
    assert "2 more findings of the same rules are in the JUnit XML report." in report


def _html(report: str) -> str:
    rendered: str = MarkdownIt("commonmark").enable("table").render(report)
    return rendered


def test_server_text_cannot_break_out_of_markdown_code_or_inject_markup() -> None:
    report = markdown_report(hostile())
    assert_no_key(report)
    rendered = _html(report)
    for injected in ("<script", "<img", "<injected", 'href="http://evil', "<h1>Forged", "<em>"):
        assert injected not in rendered, injected
    assert rendered.count("<h1>") == 1
    # the details and the reproduction of the one finding, and the rerun command: 3 blocks
    assert rendered.count("<pre>") == 3
    assert "&lt;script&gt;" in rendered  # shown as text
    assert not set(report) & (set(CONTROL_CHARS) - {"\n"})


def test_markdown_table_cells_hold_pipes() -> None:
    run = result(judged={("odd|rule", V2): 2, ("plain", V2): 1})
    rendered = _html(markdown_report(run))
    row = next(r for r in rendered.split("<tr>") if "odd" in r)
    assert row.count("<td>") == 2
    assert "odd|rule" in row


def test_markdown_is_capped_well_below_githubs_limit_and_says_where_the_rest_is() -> None:
    big = b'{"metadata": "' + b"x" * 3000 + b'"}'
    findings = [
        finding(rule=f"rule_{i:03d}", request=record(big), response=big) for i in range(300)
    ]
    report = markdown_report(result(findings))
    assert len(report.encode("utf-8")) <= 256 * 1024
    assert report.index("## Summary") < report.index("## Findings")
    assert report.count("\n### ") < 300  # some findings were left out
    last = report.rstrip("\n").splitlines()[-1]
    assert "JUnit XML" in last
    assert "256 KiB" in last
    assert _html(report).count("<pre>") % 2 == 1  # no block was cut in half


def test_a_report_under_the_cap_is_whole() -> None:
    report = markdown_report(violating())
    assert "stops here" not in report


# --- files ---------------------------------------------------------------------------------


def test_write_text_writes_utf8_and_never_fails_on_a_lone_surrogate(tmp_path: Path) -> None:
    path = tmp_path / "report.md"
    write_text(path, "caf\u00e9 \ud800\n")
    assert path.read_bytes() == "caf\u00e9 \\ud800\n".encode()


def test_reports_are_deterministic() -> None:
    assert junit_xml(violating()) == junit_xml(violating())
    assert markdown_report(hostile()) == markdown_report(hostile())


def _findings_of(run: SuiteResult) -> list[Finding]:
    return run.outcome.findings


def test_records_stay_raw_inside_the_run() -> None:
    # outputs mask; the records they read are not changed by it
    run = hostile()
    before = [dataclasses.astuple(f) for f in _findings_of(run)]
    render(run), junit_xml(run), markdown_report(run)
    assert [dataclasses.astuple(f) for f in _findings_of(run)] == before
    assert KEY.encode() in _findings_of(run)[0].response
    assert re.search(re.escape(KEY), _findings_of(run)[0].message)
