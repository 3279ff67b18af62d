"""`python -m mock_server`: run the mock server in the foreground."""

from __future__ import annotations

import argparse
import copy
import gc
import ipaddress
import logging
import os
import resource
import socket
import sys
from collections.abc import Sequence
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any, NoReturn

import uvicorn
import uvicorn.config

from generator.ir import SPEC_PATH, Api, SpecError, load_api
from mock_server.app import DEFAULT_API_KEY, create_app
from mock_server.faults import FaultSyntaxError, parse_fault
from mock_server.hardening import Limits
from mock_server.numbers import NumbersFileError, load_numbers
from mock_server.redact import RedactingFilter, Redactor
from mock_server.server import bind, quiet_uvicorn_config
from mock_server.store import DEFAULT_MAX_CALLS, CallStore

__all__ = [
    "EXIT_INTERRUPTED",
    "EXIT_USAGE",
    "KEY_VARIABLE",
    "UsageError",
    "connection_bound",
    "is_loopback",
    "main",
    "parse_args",
    "resolve_api_key",
]

KEY_VARIABLE = "RETELL_MOCK_API_KEY"
EXIT_USAGE = 2
PROG = "retell-mock"  # the console script; `python -m mock_server` is the same program

# Ctrl-C: 128 + SIGINT, what a shell reports for a program Ctrl-C stopped, so a script or
# make can tell "interrupted" from "finished" (uvicorn re-raises the signal after its clean
# shutdown; the mock catches it rather than print a traceback).
EXIT_INTERRUPTED = 130
_FD_RESERVE = 64  # open files kept free for everything but client connections

DESCRIPTION = """\
A mock of every operation of spec/openapi.yaml (or --spec PATH): each request is
validated against the spec with the validator generated from it, and each answer
is built from the spec (examples, echoes, generated ids) and validated too.
Every request needs "Authorization: Bearer KEY".
"""

EPILOG = f"""\
Fault injection (off by default) also works per request, with the header
"X-Mock-Fault: KIND[;count=N][;delay=S][;retry-after=S][;id=ANY]": the first N
requests carrying that exact value get the fault, later ones are served normally.

The development key, used when neither --api-key nor {KEY_VARIABLE} is given, is
"{DEFAULT_API_KEY}". Never use it anywhere but on a developer's machine: with a
--host that is not a loopback address the mock refuses to start with it, unless
--allow-public-dev-key is given. Any non-loopback --host is warned about.

Hardening: request heads (request line and headers) over 16 KiB are answered 431;
a connection must send its head within --header-timeout and its body within
--body-timeout, else 408; beyond --max-connections the connection that has waited
longest for its request is closed.

Misuse (a bad option, an empty key, a bad numbers file or spec, a port already in
use) exits with status 2 and a one-line reason. Ctrl-C stops the mock quietly with
status 130.
"""


class UsageError(Exception):
    """Misuse of the command line: printed as one line, exit 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


def _port(text: str) -> int:
    value = _integer(text)
    if not 0 <= value <= 65535:
        raise argparse.ArgumentTypeError(f"must be within [0, 65535], not {value}")
    return value


def _positive(text: str) -> int:
    value = _integer(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"must be a number of seconds, not {text[:40]!r}"
        ) from None
    if not 0 < value <= 3600:
        raise argparse.ArgumentTypeError(f"must be within (0, 3600] seconds, not {text[:40]}")
    return value


def _integer(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be an integer, not {text[:40]!r}") from None


def _kit_version() -> str:
    """The toolkit's version (the mock ships in the retell-contract-kit distribution)."""
    try:
        return version("retell-contract-kit")
    except PackageNotFoundError:
        return "unknown (not installed)"


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """The options; raises UsageError (one line) on misuse."""
    parser = _Parser(
        prog=PROG,
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"retell-mock {_kit_version()}")
    parser.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to listen on (default: 127.0.0.1); any address but a loopback one "
        "lets other machines reach the mock and is warned about",
    )
    parser.add_argument(
        "--port",
        type=_port,
        default=8080,
        help="port to listen on, 0 for a free one (default: 8080)",
    )
    parser.add_argument(
        "--api-key",
        help=f"the API key clients must send as a Bearer token, printable ASCII without "
        f"spaces (default: ${KEY_VARIABLE}, else the development key below, printed at "
        "start-up); an empty key is refused",
    )
    parser.add_argument(
        "--allow-public-dev-key",
        action="store_true",
        help="let a --host that is not a loopback address serve with the public development "
        "key (default: refused, since anyone who can reach the mock knows that key)",
    )
    parser.add_argument(
        "--spec",
        type=Path,
        metavar="PATH",
        help="the OpenAPI document to mock (default: the project's spec/openapi.yaml)",
    )
    parser.add_argument(
        "--numbers",
        type=Path,
        metavar="FILE",
        help='strict mode: a JSON file {"numbers": {"+1415...": "AGENT"}, "agents": [...]}; '
        "a request naming a number (x-account: number) the account does not manage, or an "
        "agent (x-account: agent) it does not have, is then answered 422 (default: any "
        "valid number and agent is accepted)",
    )
    parser.add_argument(
        "--max-calls",
        type=_positive,
        default=DEFAULT_MAX_CALLS,
        help=f"how many created calls to keep in memory, oldest forgotten first "
        f"(default: {DEFAULT_MAX_CALLS})",
    )
    parser.add_argument(
        "--fault",
        metavar="SPEC",
        help="make the first requests fail: KIND[;count=N][;delay=S][;retry-after=S], KIND one "
        "of 429 (with Retry-After), 500, slow (answer after a delay), drop (close the "
        "connection); e.g. '429;count=3' (default: no faults)",
    )
    parser.add_argument(
        "--max-connections",
        type=_positive,
        default=Limits.max_connections,
        help=f"connections held at once; beyond it the one that has waited longest for its "
        f"request is closed (default: {Limits.max_connections}, lowered to fit the "
        "open-file limit)",
    )
    parser.add_argument(
        "--header-timeout",
        type=_seconds,
        default=Limits.header_timeout_s,
        metavar="SECONDS",
        help=f"time a connection has to send a request's head, from its first byte or from "
        f"connecting (default: {Limits.header_timeout_s:g})",
    )
    parser.add_argument(
        "--body-timeout",
        type=_seconds,
        default=Limits.body_timeout_s,
        metavar="SECONDS",
        help=f"time a request has to send its body after its head "
        f"(default: {Limits.body_timeout_s:g})",
    )
    parser.add_argument(
        "--access-log",
        action="store_true",
        help="log one line per request to stdout, the key redacted (default: off, for speed)",
    )
    return parser.parse_args(argv)


def resolve_api_key(given: str | None) -> tuple[str, bool]:
    """The key to require, and whether it is the documented development key.

    Raises UsageError for a key given empty (it would otherwise fall back, silently, to
    the public development key) or one a Bearer token cannot carry.
    """
    if given is not None:
        source, key = "--api-key", given
    elif KEY_VARIABLE in os.environ:
        source, key = f"${KEY_VARIABLE}", os.environ[KEY_VARIABLE]
    else:
        return DEFAULT_API_KEY, True
    if not key:
        raise UsageError(
            f"{source} is empty; give a key, or leave it unset for the development key"
        )
    if not all("!" <= char <= "~" for char in key):
        raise UsageError(f"{source} must be printable ASCII without spaces (a Bearer token)")
    return key, key == DEFAULT_API_KEY


def is_loopback(host: str) -> bool:
    """Whether `host` names a loopback address (only other processes of this machine)."""
    if host.lower().rstrip(".") == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _check_host(host: str, is_dev_key: bool, allow_public_dev_key: bool) -> None:
    """Refuse the public development key on a non-loopback host; warn about such a host."""
    if is_loopback(host):
        return
    if is_dev_key and not allow_public_dev_key:
        raise UsageError(
            f"--host {host[:80]} is not a loopback address and the key is the public "
            "development key, so anyone who can reach the mock could use it; give --api-key "
            f"(or ${KEY_VARIABLE}), or --allow-public-dev-key"
        )
    risk = "with the public development key" if is_dev_key else "and anyone with the key can use it"
    print(
        f"{PROG}: warning: --host {host[:80]} is not a loopback address: other machines "
        f"can reach the mock, {risk}",
        file=sys.stderr,
        flush=True,
    )


def _listen(host: str, port: int) -> socket.socket:
    try:
        return bind(host, port)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise UsageError(f"cannot listen on {_authority(host, port)}: {reason}") from None


def _authority(host: str, port: int) -> str:
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def _log_config() -> dict[str, Any]:
    """Uvicorn's logging, with the mock's own logger printed the same way."""
    config = copy.deepcopy(uvicorn.config.LOGGING_CONFIG)
    config["loggers"]["mock_server"] = {
        "handlers": ["default"],
        "level": "INFO",
        "propagate": False,
    }
    return config


def connection_bound(wanted: int) -> int:
    """`wanted`, lowered so that client connections cannot use up the open-file limit (past
    it, the server could not even accept the connection that would close the stalest one).
    The soft limit is raised to the hard one first, as servers do."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard == resource.RLIM_INFINITY or hard > soft:
        target = 1 << 16 if hard == resource.RLIM_INFINITY else min(hard, 1 << 16)
        if target > soft:
            try:
                resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
                soft = target
            except (ValueError, OSError):
                pass  # keep the soft limit
    return max(1, min(wanted, soft - _FD_RESERVE))


def _one_line(text: str, limit: int = 300) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[:limit] + "..."


def _load_api(path: Path | None) -> Api:
    try:
        return load_api(path)
    except SpecError as exc:
        raise UsageError(f"--spec: {str(exc).splitlines()[0]}") from None
    except OSError as exc:
        shown = str(path or SPEC_PATH)
        raise UsageError(f"--spec {shown[:200]}: {exc.strerror or exc}") from None


def main(argv: Sequence[str] | None = None) -> int:
    try:
        return _run(argv)
    except UsageError as exc:
        print(f"{PROG}: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:  # Ctrl-C, before or after uvicorn's own handling of it
        return EXIT_INTERRUPTED


def _run(argv: Sequence[str] | None) -> int:
    args = parse_args(argv)
    host = args.host.removeprefix("[").removesuffix("]")  # "[::1]" as in a URL
    if not host or not host.isprintable() or " " in host:
        raise UsageError(f"--host must be an address such as 127.0.0.1, not {host[:80]!r}")
    key, is_dev_key = resolve_api_key(args.api_key)
    _check_host(host, is_dev_key, args.allow_public_dev_key)
    try:
        numbers = load_numbers(args.numbers) if args.numbers else None
        fault = parse_fault(args.fault) if args.fault else None
    except (NumbersFileError, FaultSyntaxError) as exc:
        raise UsageError(_one_line(str(exc))) from None
    api = _load_api(args.spec)
    try:
        app = create_app(
            api_key=key,
            api=api,
            managed_numbers=numbers.managed_numbers if numbers else None,
            agent_ids=numbers.agent_ids if numbers else None,
            store=CallStore(max_calls=args.max_calls),
            fault=fault,
        )
    except ValueError as exc:
        where = (
            f"{args.numbers}: " if numbers and str(exc).startswith(("numbers[", "agents[")) else ""
        )
        raise UsageError(f"{where}{exc}") from None
    limits = Limits(
        header_timeout_s=args.header_timeout,
        body_timeout_s=args.body_timeout,
        max_connections=connection_bound(args.max_connections),
    )
    sock = _listen(host, args.port)
    port = sock.getsockname()[1]
    print(f"mock server of {api.title[:80]} on http://{_authority(host, port)}", flush=True)
    if is_dev_key:
        print(f'Using the development API key: "{api.auth_header}: Bearer {key}"', flush=True)
    if args.access_log:  # its lines repeat paths and queries: a client may have put its key there
        logging.getLogger("uvicorn.access").addFilter(RedactingFilter(Redactor(key)))
    config = quiet_uvicorn_config(
        app, access_log=args.access_log, log_config=_log_config(), limits=limits
    )
    gc.freeze()  # start-up objects never become garbage: keep them out of every collection
    try:
        uvicorn.Server(config).run(sockets=[sock])
    finally:
        sock.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
