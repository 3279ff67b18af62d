"""`retell-contract` / `python -m contract_tests`: the gate a CI runs.

Exit status: 0 compliant, 1 violations (or a run that could not finish its fixed parts),
2 misuse, an unreachable server or a rejected key (one line on stderr), 130 / 143 when
interrupted by SIGINT / SIGTERM (sending stops at once; reports say the run is incomplete).
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import NoReturn

from rich.console import Console

from contract_tests import baseline as baselines
from contract_tests.fitting import Account
from contract_tests.gateway import Limits
from contract_tests.live import LiveNumbers
from contract_tests.options import DEFAULT_MAX_EXAMPLES, SuiteOptions, new_seed
from contract_tests.progress import Progress
from contract_tests.report import (
    junit_xml,
    key_variable,
    markdown_report,
    print_result,
    safe_text,
    write_text,
)
from contract_tests.suite import KeyRejected, RunControl, ServerUnreachable, run_suite
from contract_tests.target import TargetError, parse_target
from generator.ir import SpecError

__all__ = ["EXIT_INTERRUPTED", "EXIT_USAGE", "build_parser", "main"]

EXIT_COMPLIANT, EXIT_VIOLATIONS, EXIT_USAGE = 0, 1, 2
EXIT_INTERRUPTED = {signal.SIGINT: 130, signal.SIGTERM: 143}
PROG = "retell-contract"
KEY_VARIABLE = key_variable()
CONSOLE_WIDTH = 120


class UsageError(Exception):
    """Misuse of the command line: printed as one line, exit 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


def _count(low: int) -> Callable[[str], int]:
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"must be an integer, not {text[:40]!r}") from None
        if value < low:
            raise argparse.ArgumentTypeError(f"must be at least {low}, not {value}")
        return value

    return parse


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"must be a number of seconds, not {text[:40]!r}"
        ) from None
    if not value > 0 or value != value or value == float("inf"):
        raise argparse.ArgumentTypeError(f"must be a positive number of seconds, not {text[:40]!r}")
    return value


def build_parser() -> argparse.ArgumentParser:
    from contract_tests import __version__

    parser = _Parser(
        prog=PROG, description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    target = parser.add_argument_group("target")
    target.add_argument(
        "--base-url", help="server to test (default: a mock started on a free loopback port)"
    )
    target.add_argument(
        "--api-key", help=f"API key (default: ${KEY_VARIABLE}; the mock's key for a started mock)"
    )
    target.add_argument(
        "--spec", type=Path, help="test against this OpenAPI document (default: the bundled spec)"
    )
    scope = parser.add_argument_group("scope")
    scope.add_argument(
        "--include-operation-id",
        action="append",
        default=[],
        metavar="ID",
        help="test only this operation (repeatable)",
    )
    scope.add_argument(
        "--exclude-operation-id",
        action="append",
        default=[],
        metavar="ID",
        help="leave this operation out (repeatable)",
    )
    scope.add_argument(
        "--exclude-checks",
        action="append",
        default=[],
        metavar="NAME[,NAME]",
        help="do not run these rules (repeatable)",
    )
    depth = parser.add_argument_group("depth and speed")
    depth.add_argument(
        "--max-examples",
        type=_count(1),
        default=DEFAULT_MAX_EXAMPLES,
        help=f"fuzzed cases per operation (default {DEFAULT_MAX_EXAMPLES})",
    )
    depth.add_argument(
        "--seed", type=_count(0), help="seed for a reproducible run (default: random)"
    )
    depth.add_argument(
        "--workers",
        type=_count(1),
        default=1,
        help="requests in flight at once (the same cases for a seed whatever N)",
    )
    depth.add_argument(
        "--max-time",
        type=_seconds,
        metavar="SECONDS",
        help=(
            "end the run after this long: cut fuzzing is reported, cut fixed parts make "
            "the run INCOMPLETE"
        ),
    )
    depth.add_argument(
        "--request-timeout",
        type=_seconds,
        default=Limits.request_timeout_s,
        metavar="SECONDS",
        help="total time a request may take, its whole answer included (default %(default)s)",
    )
    depth.add_argument(
        "--max-response-bytes",
        type=_count(1),
        default=Limits.max_response_bytes,
        metavar="BYTES",
        help="larger answers are a finding, read no further (default %(default)s)",
    )
    reports = parser.add_argument_group("reports")
    reports.add_argument("--junit-xml", type=Path, metavar="PATH", help="write a JUnit XML report")
    reports.add_argument(
        "--report",
        type=Path,
        metavar="PATH",
        help="write a Markdown report (fit for $GITHUB_STEP_SUMMARY)",
    )
    reports.add_argument(
        "--baseline",
        type=Path,
        metavar="FILE",
        help="known findings in FILE do not fail the run; new ones do",
    )
    reports.add_argument(
        "--baseline-update",
        action="store_true",
        help="write this run's findings to the --baseline FILE",
    )
    live = parser.add_argument_group(
        "live servers (every accepted request places a real, paid call)"
    )
    live.add_argument(
        "--live",
        action="store_true",
        help="allow a non-loopback server; send only requests it must reject",
    )
    live.add_argument(
        "--max-live-calls",
        type=_count(0),
        metavar="N",
        help="with --live: valid (call-placing) requests allowed (default 0)",
    )
    live.add_argument(
        "--from-number",
        metavar="E164",
        help="a number the account manages; every valid request uses it",
    )
    live.add_argument(
        "--agent-id",
        metavar="ID",
        help="an agent of the account; valid requests overriding the agent use it",
    )
    live.add_argument(
        "--live-to-number",
        metavar="E164",
        help="with --live --max-live-calls: the only number valid calls may ring",
    )
    return parser


def main(argv: Sequence[str] | None = None, console: Console | None = None) -> int:
    out = console or Console(width=None if sys.stdout.isatty() else CONSOLE_WIDTH)
    secret = os.environ.get(KEY_VARIABLE, "")
    try:
        arguments = build_parser().parse_args(argv)
        secret = arguments.api_key or secret
        return _run(arguments, out)
    except KeyRejected as error:
        _fail(f"{PROG}: {error}", secret)
    except ServerUnreachable as error:
        _fail(f"{PROG}: unreachable: {error}", secret)
    except (UsageError, TargetError, SpecError, baselines.BaselineError) as error:
        _fail(f"{PROG}: usage error: {error}", secret)
    except KeyboardInterrupt:
        # before the run's own handlers are in place (or after they are gone): nothing was
        # judged, so no verdict, only the interrupt
        _fail(f"{PROG}: INTERRUPTED before the run started (SIGINT); nothing was judged", secret)
        return EXIT_INTERRUPTED[signal.SIGINT]
    return EXIT_USAGE


def _fail(line: str, secret: str) -> None:
    print(safe_text(line.splitlines()[0] if line else line, secret), file=sys.stderr)


def _run(arguments: argparse.Namespace, console: Console) -> int:
    options = _options(arguments)
    control = RunControl()
    with (
        _target(arguments, options.api_key) as base_url,
        _signals(control),
        _hypothesis_cache_outside_the_workspace(),
    ):
        options = _with_base_url(options, base_url, started=arguments.base_url is None)
        console.print(
            safe_text(f"{PROG}: {base_url}, seed {options.seed}", options.api_key), markup=False
        )
        progress = Progress(console)
        with progress:
            result = run_suite(options, progress.say, control, progress.start, progress.tick)
    known = (
        baselines.load(arguments.baseline)
        if arguments.baseline and not arguments.baseline_update
        else None
    )
    if known is not None:
        baselines.apply(result, known)
    print_result(result, console)
    if arguments.junit_xml is not None:
        write_text(arguments.junit_xml, junit_xml(result))
    if arguments.report is not None:
        write_text(arguments.report, markdown_report(result))
    if arguments.baseline_update:
        baselines.save(arguments.baseline, result)
        console.print(f"baseline written: {arguments.baseline}", markup=False)
    if result.interrupted is not None:
        return EXIT_INTERRUPTED.get(_signal_of(result.interrupted), 130)
    return EXIT_COMPLIANT if result.compliant else EXIT_VIOLATIONS


def _options(arguments: argparse.Namespace) -> SuiteOptions:
    for option, path in (("--junit-xml", arguments.junit_xml), ("--report", arguments.report)):
        _check_output(option, path)
    if arguments.baseline_update and arguments.baseline is None:
        raise UsageError("--baseline-update needs --baseline FILE")
    if (
        arguments.baseline is not None
        and not arguments.baseline_update
        and not arguments.baseline.is_file()
    ):
        raise UsageError(
            f"--baseline {arguments.baseline}: no such file (create it with --baseline-update)"
        )
    if arguments.max_live_calls is not None and not arguments.live:
        raise UsageError("--max-live-calls goes with --live")
    if arguments.base_url is not None:
        target = parse_target(arguments.base_url)
        if not arguments.live and not target.is_loopback():
            raise UsageError(
                f"refusing to test non-loopback host {target.host}: accepted requests place real, "
                "paid phone calls; pass --live to send only requests that must be rejected"
            )
    api_key = _api_key(arguments)
    account = Account(arguments.from_number, arguments.agent_id)
    options = SuiteOptions(
        base_url=arguments.base_url or "http://127.0.0.1",
        api_key=api_key,
        spec=arguments.spec,
        include_operations=tuple(arguments.include_operation_id),
        exclude_operations=tuple(arguments.exclude_operation_id),
        exclude_checks=tuple(
            name for item in arguments.exclude_checks for name in item.split(",") if name
        ),
        max_examples=arguments.max_examples,
        seed=new_seed() if arguments.seed is None else arguments.seed,
        workers=arguments.workers,
        live=arguments.live,
        max_live_calls=arguments.max_live_calls or 0,
        live_numbers=_live_numbers(arguments),
        account=account,
        limits=Limits(arguments.request_timeout, arguments.max_response_bytes),
        max_time_s=arguments.max_time,
        phases=("fuzzing",) if arguments.live else ("coverage", "fuzzing"),
        baseline=arguments.baseline,
    )
    _check_scope(options)
    return options


def _check_scope(options: SuiteOptions) -> None:
    from contract_tests.contract import Contract
    from contract_tests.suite import known_rules

    contract = Contract.load(options.spec)
    known = {op.operation_id for op in contract.api.operations}
    for option, ids in (
        ("--include-operation-id", options.include_operations),
        ("--exclude-operation-id", options.exclude_operations),
    ):
        unknown = sorted(set(ids) - known)
        if unknown:
            raise UsageError(
                f"{option}: no operation {unknown[0]!r} in the spec "
                f"(known: {', '.join(sorted(known))})"
            )
    scope = [
        i
        for i in known
        if (not options.include_operations or i in options.include_operations)
        and i not in options.exclude_operations
    ]
    if not scope:
        raise UsageError(
            "the scope holds no operation (check --include-operation-id / --exclude-operation-id)"
        )
    rules = known_rules(contract)
    unknown_checks = sorted(set(options.exclude_checks) - rules)
    if unknown_checks:
        raise UsageError(
            f"--exclude-checks: no rule {unknown_checks[0]!r} (see the summary table of a run)"
        )
    problem = options.account.problem(contract)
    if problem is not None:
        raise UsageError(problem)


def _live_numbers(arguments: argparse.Namespace) -> LiveNumbers | None:
    """The numbers valid live calls may dial; a run that may place calls must name both."""
    places_calls = arguments.live and (arguments.max_live_calls or 0) > 0
    if arguments.live_to_number is not None and not places_calls:
        raise UsageError("--live-to-number goes with --live --max-live-calls N")
    if not places_calls:
        return None
    if arguments.from_number is None or arguments.live_to_number is None:
        raise UsageError(
            "--max-live-calls places real calls: name --from-number (a number your account "
            "manages) and --live-to-number (a phone you own); no other number is ever dialled"
        )
    return LiveNumbers(arguments.from_number, arguments.live_to_number)


def _api_key(arguments: argparse.Namespace) -> str:
    source = "--api-key" if arguments.api_key else f"${KEY_VARIABLE}"
    key = arguments.api_key or os.environ.get(KEY_VARIABLE)
    if key:
        if not all("!" <= char <= "~" for char in key):
            # a header cannot carry it, and the HTTP stack's error would quote it
            raise UsageError(f"{source} must be printable ASCII without spaces (a Bearer token)")
        return str(key)
    if arguments.base_url is None:
        from mock_server import DEFAULT_API_KEY

        return str(DEFAULT_API_KEY)
    raise UsageError(f"no API key: pass --api-key or set {KEY_VARIABLE}")


def _check_output(option: str, path: Path | None) -> None:
    """A report path must be writable, checked before the run; missing directories are made
    (as `pytest --junit-xml reports/x.xml` does), so a run never ends unable to write."""
    if path is None:
        return
    parent = path.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        what = "is not a directory" if parent.exists() else f"cannot be made ({error.strerror})"
        raise UsageError(f"{option} {path}: the directory {parent} {what}") from None
    if path.is_dir():
        raise UsageError(f"{option} {path}: is a directory")


def _with_base_url(options: SuiteOptions, base_url: str, *, started: bool) -> SuiteOptions:
    from dataclasses import replace

    return replace(options, base_url=base_url, mock_started=started)


@contextmanager
def _target(arguments: argparse.Namespace, api_key: str) -> Iterator[str]:
    """The base URL to test: the given one, or a mock started for the run."""
    if arguments.base_url is not None:
        yield arguments.base_url
        return
    from mock_server import create_app, running_server

    api = None
    if arguments.spec is not None:
        from generator.ir import load_api

        api = load_api(arguments.spec)
    app = create_app(api_key=api_key, api=api)
    with running_server(app) as url:
        yield url


@contextmanager
def _hypothesis_cache_outside_the_workspace() -> Iterator[None]:
    """Hypothesis keeps a cache (its unicode tables) in `.hypothesis/` of the working
    directory: a user's repository or CI workspace. A run keeps it in the user's cache
    directory instead, unless HYPOTHESIS_STORAGE_DIRECTORY says where."""
    from hypothesis import configuration

    if os.environ.get("HYPOTHESIS_STORAGE_DIRECTORY"):
        yield
        return
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    configuration.set_hypothesis_home_dir(cache / "retell-contract" / "hypothesis")
    try:
        yield
    finally:
        configuration.set_hypothesis_home_dir(None)


@contextmanager
def _signals(control: RunControl) -> Iterator[None]:
    """SIGINT and SIGTERM stop the run at once; a second SIGINT leaves without reports."""
    previous = {}

    def handle(number: int, _frame: FrameType | None) -> None:
        name = signal.Signals(number).name
        if control.reason is not None and number == signal.SIGINT:
            os._exit(EXIT_INTERRUPTED[signal.SIGINT])
        control.halt(name)

    for number in EXIT_INTERRUPTED:
        previous[number] = signal.signal(number, handle)
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def _signal_of(reason: str) -> signal.Signals:
    try:
        return signal.Signals[reason]
    except KeyError:
        return signal.SIGINT
