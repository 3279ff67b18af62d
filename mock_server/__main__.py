"""`python -m mock_server`: run the mock server in the foreground."""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Sequence
from pathlib import Path

import uvicorn

from mock_server.app import DEFAULT_API_KEY, create_app
from mock_server.faults import FaultSyntaxError, parse_fault
from mock_server.numbers import NumbersFileError, load_numbers
from mock_server.server import quiet_uvicorn_config
from mock_server.store import DEFAULT_MAX_CALLS, CallStore

KEY_VARIABLE = "RETELL_MOCK_API_KEY"

DESCRIPTION = """\
A mock of Retell AI's POST /v2/create-phone-call and POST /create-phone-call
(deprecated), validated against spec/openapi.yaml through the generated models.
Every request needs "Authorization: Bearer KEY".
"""

EPILOG = f"""\
Fault injection (off by default) also works per request, with the header
"X-Mock-Fault: KIND[;count=N][;delay=S][;retry-after=S][;id=ANY]": the first N
requests carrying that exact value get the fault, later ones are served normally.

The development key, used when neither --api-key nor {KEY_VARIABLE} is given, is
"{DEFAULT_API_KEY}". Never use it anywhere but on a developer's machine.
"""


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m mock_server",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)"
    )
    parser.add_argument("--port", type=int, default=8080, help="port to listen on (default: 8080)")
    parser.add_argument(
        "--api-key",
        help=f"the API key clients must send as a Bearer token (default: ${KEY_VARIABLE}, "
        "else the development key below, printed at start-up)",
    )
    parser.add_argument(
        "--numbers",
        type=Path,
        metavar="FILE",
        help='strict mode: a JSON file {"numbers": {"+1415...": "agent_id"}, "agents": [...]}; '
        "an unknown from_number or override_agent_id is then answered 422 "
        "(default: any valid number and agent id is accepted)",
    )
    parser.add_argument(
        "--max-calls",
        type=int,
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
        "--access-log", action="store_true", help="log every request (default: off, for speed)"
    )
    return parser.parse_args(argv)


def resolve_api_key(given: str | None) -> tuple[str, bool]:
    """The key to require, and whether it is the documented development key."""
    key = given or os.environ.get(KEY_VARIABLE) or DEFAULT_API_KEY
    return key, key == DEFAULT_API_KEY


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    key, is_dev_key = resolve_api_key(args.api_key)
    try:
        numbers = load_numbers(args.numbers) if args.numbers else None
        fault = parse_fault(args.fault) if args.fault else None
    except (NumbersFileError, FaultSyntaxError) as exc:
        print(f"mock_server: {exc}", file=sys.stderr)
        return 2
    app = create_app(
        api_key=key,
        managed_numbers=numbers.managed_numbers if numbers else None,
        agent_ids=numbers.agent_ids if numbers else None,
        store=CallStore(max_calls=max(args.max_calls, 1)),
        fault=fault,
    )
    print(f"Retell mock server on http://{args.host}:{args.port}", flush=True)
    if is_dev_key:
        print(f'Using the development API key: "Authorization: Bearer {key}"', flush=True)
    config = quiet_uvicorn_config(app, host=args.host, port=args.port, access_log=args.access_log)
    gc.freeze()  # start-up objects never become garbage: keep them out of every collection
    uvicorn.Server(config).run()
    return 0


if __name__ == "__main__":
    sys.exit(main())
