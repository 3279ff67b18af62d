"""`python -m contract_tests`: exit 0 compliant, 1 violations, 2 misuse or unreachable."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import NoReturn

from rich.console import Console

from contract_tests.account import Account
from contract_tests.masking import KEY_ENVIRONMENT_VARIABLE, mask_secret
from contract_tests.options import (
    DEFAULT_MAX_EXAMPLES,
    DEFAULT_MAX_LIVE_CALLS,
    SuiteOptions,
    new_seed,
)
from contract_tests.report import junit_xml, markdown_report, print_result, write_text
from contract_tests.safety import LiveNumbers, refusal
from contract_tests.suite import KeyRejected, ServerUnreachable, run_suite

EXIT_COMPLIANT, EXIT_VIOLATIONS, EXIT_USAGE = 0, 1, 2
CONSOLE_WIDTH = 120


class UsageError(Exception):
    """Misuse of the command line: printed as one line, exit 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return value


def _non_negative(text: str) -> int:
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be at least 0, got {value}")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m contract_tests", description=__doc__)
    parser.add_argument(
        "--base-url", help="server to test (default: a mock on a free loopback port)"
    )
    parser.add_argument("--api-key", help=f"API key (default: ${KEY_ENVIRONMENT_VARIABLE})")
    parser.add_argument("--max-examples", type=_positive, default=DEFAULT_MAX_EXAMPLES)
    parser.add_argument("--seed", type=int, help="seed for a reproducible run (default: random)")
    parser.add_argument("--junit-xml", type=Path, help="write a JUnit XML report here")
    parser.add_argument("--report", type=Path, help="write a Markdown report here")
    parser.add_argument(
        "--live",
        action="store_true",
        help="allow a non-loopback server; send only requests it must reject",
    )
    parser.add_argument(
        "--max-live-calls",
        type=_non_negative,
        default=DEFAULT_MAX_LIVE_CALLS,
        help="valid (call-placing) requests a --live run may send (then name both numbers below)",
    )
    parser.add_argument(
        "--from-number",
        metavar="E164",
        help="a number the account manages; every valid request uses it",
    )
    parser.add_argument(
        "--agent-id",
        metavar="ID",
        help="an agent of the account; valid requests that override the agent use it, "
        "otherwise the override is dropped",
    )
    parser.add_argument(
        "--live-to-number",
        metavar="E164",
        help="with --live --max-live-calls: the only number valid live calls may ring "
        "(a phone you own)",
    )
    return parser


@contextlib.contextmanager
def _target(base_url: str | None, api_key: str) -> Iterator[str]:
    """The base URL to test: the given one, or a mock started for the run."""
    if base_url is not None:
        yield base_url
        return
    from mock_server import create_app, running_server

    with running_server(create_app(api_key=api_key)) as url:  # quiet: uvicorn logs errors only
        yield url


def _api_key(arguments: argparse.Namespace) -> str:
    key = arguments.api_key or os.environ.get(KEY_ENVIRONMENT_VARIABLE)
    if key:
        return str(key)
    if arguments.base_url is None:
        from mock_server import DEFAULT_API_KEY

        return str(DEFAULT_API_KEY)
    raise UsageError(f"no API key: pass --api-key or set {KEY_ENVIRONMENT_VARIABLE}")


def _account(arguments: argparse.Namespace) -> Account:
    account = Account(arguments.from_number, arguments.agent_id)
    problem = account.problem()
    if problem is not None:
        raise UsageError(problem)
    return account


def _live_numbers(arguments: argparse.Namespace) -> LiveNumbers | None:
    """The numbers valid live calls may dial; a run that may place calls must name both."""
    places_calls = arguments.live and arguments.max_live_calls > 0
    if arguments.live_to_number is not None and not places_calls:
        raise UsageError("--live-to-number goes with --live --max-live-calls N")
    if not places_calls:
        return None
    if arguments.from_number is None or arguments.live_to_number is None:
        raise UsageError(
            "--max-live-calls places real calls: name --from-number (a number your account "
            "manages) and --live-to-number (a phone you own); no other number is ever dialled"
        )
    numbers = LiveNumbers(arguments.from_number, arguments.live_to_number)
    problem = numbers.problem()
    if problem is not None:
        raise UsageError(problem)
    return numbers


def _options(
    arguments: argparse.Namespace,
    base_url: str,
    api_key: str,
    live_numbers: LiveNumbers | None,
    account: Account,
) -> SuiteOptions:
    return SuiteOptions(
        base_url=base_url,
        api_key=api_key,
        max_examples=arguments.max_examples,
        seed=new_seed() if arguments.seed is None else arguments.seed,
        live=arguments.live,
        max_live_calls=arguments.max_live_calls,
        live_numbers=live_numbers,
        account=account,
        phases=("coverage", "fuzzing") if arguments.live else ("examples", "coverage", "fuzzing"),
        mock_started=arguments.base_url is None,
    )


def _output_path_problem(option: str, path: Path | None) -> str | None:
    """Why a report cannot be written to `path` (checked before the run, nothing created)."""
    if path is None:
        return None
    parent = path.parent
    if not parent.is_dir():
        what = "does not exist" if not parent.exists() else "is not a directory"
        return f"{option} {path}: the directory {parent} {what}"
    if path.is_dir():
        return f"{option} {path}: is a directory"
    return None


def run(arguments: argparse.Namespace, console: Console) -> int:
    for option, path in (("--junit-xml", arguments.junit_xml), ("--report", arguments.report)):
        problem = _output_path_problem(option, path)
        if problem is not None:
            raise UsageError(problem)
    api_key = _api_key(arguments)
    if arguments.base_url is not None:
        problem = refusal(arguments.base_url, live=arguments.live)
        if problem is not None:
            raise UsageError(problem)
    account = _account(arguments)
    live_numbers = _live_numbers(arguments)
    with _target(arguments.base_url, api_key) as base_url:
        options = _options(arguments, base_url, api_key, live_numbers, account)
        console.print(f"contract_tests: {base_url}, seed {options.seed}", markup=False)
        result = run_suite(options, lambda line: console.print(line, markup=False, highlight=False))
    print_result(result, console)
    if arguments.junit_xml is not None:
        write_text(arguments.junit_xml, junit_xml(result))
    if arguments.report is not None:
        write_text(arguments.report, markdown_report(result))
    return EXIT_COMPLIANT if result.compliant else EXIT_VIOLATIONS


def main(argv: Sequence[str] | None = None, console: Console | None = None) -> int:
    out = console or Console(width=None if sys.stdout.isatty() else CONSOLE_WIDTH)
    secret = os.environ.get(KEY_ENVIRONMENT_VARIABLE, "")
    try:
        arguments = build_parser().parse_args(argv)
        secret = arguments.api_key or secret
        return run(arguments, out)
    except KeyRejected as error:
        print(mask_secret(f"contract_tests: {error}", secret), file=sys.stderr)
        return EXIT_USAGE
    except (UsageError, ServerUnreachable) as error:
        kind = "unreachable" if isinstance(error, ServerUnreachable) else "usage error"
        print(mask_secret(f"contract_tests: {kind}: {error}", secret), file=sys.stderr)
        return EXIT_USAGE
