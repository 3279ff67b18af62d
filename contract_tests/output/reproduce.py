"""Commands that reproduce what a run did: a curl command per request, the `rerun:` line.

- The key appears only as `"${RETELL_API_KEY}"` (braced: `$RETELL_API_KEYx` would expand
  another variable; the name is the IR's `env_prefix` + `_API_KEY`, as the clients read it).
  Any other spelling of it (JSON-escaped, URL-encoded) is masked: the shell cannot rebuild
  those from the variable.
- Every word is quoted for a POSIX shell: single quotes for printable text; a word holding a
  character a terminal would act on is written with bash's `$'...'` escapes, so the command
  stays one printable line and still means the exact value.
- A body is sent byte for byte: `printf '%b' '...' | curl --data-binary @-`, every byte that
  is not printable ASCII (and `\\`, `'`) written as a `\\0ooo` octal escape of printf's `%b`.
"""

from __future__ import annotations

import os
import shlex
import sys
from typing import TYPE_CHECKING

from contract_tests.findings import Finding, RequestRecord
from contract_tests.masking import mask_bytes, mask_secret, mask_user_info
from contract_tests.output.sanitize import is_visible, safe_text
from generator.ir import load_api

if TYPE_CHECKING:
    from contract_tests.options import SuiteOptions
    from contract_tests.suite import SuiteResult

__all__ = [
    "curl_command",
    "key_variable",
    "reproduction",
    "reproduction_line",
    "rerun_arguments",
    "rerun_command",
    "shell_word",
]

MODULE = __name__.split(".")[0]  # the suite's package: `python -m` runs its CLI


def key_variable() -> str:
    """The environment variable the key is read from (`RETELL_API_KEY`): the IR's
    `env_prefix`, the clients' prefix (the same for any spec the suite is given)."""
    return f"{load_api(validate=False).env_prefix}_API_KEY"


def _quote(text: str) -> str:
    """One shell word meaning exactly `text`: single quotes, or `$'...'` escapes when it
    holds a character a terminal would act on (a newline, an escape, a bidi override)."""
    if all(is_visible(char) for char in text):
        return shlex.quote(text)
    escaped = []
    for char in text:
        if char in "\\'":
            escaped.append("\\" + char)
        elif is_visible(char):
            escaped.append(char)
        else:
            escaped.extend(f"\\x{byte:02x}" for byte in char.encode("utf-8", "surrogatepass"))
    return "$'" + "".join(escaped) + "'"


def shell_word(text: str, secret: str, variable: str) -> str:
    """`text` as one shell word: the key as `"${variable}"`, every other part quoted."""
    text = mask_user_info(text)  # a credential in a URL, whatever it is
    pieces = text.split(secret) if secret else [text]
    expansion = f'"${{{variable}}}"'
    quoted = [_quote(mask_secret(piece, secret)) if piece else "" for piece in pieces]
    word = expansion.join(quoted)
    return word or "''"


def _printf_escaped(data: bytes) -> str:
    return "".join(
        chr(byte) if 0x20 <= byte < 0x7F and byte not in b"\\'" else f"\\0{byte:03o}"
        for byte in data
    )


def _printf_body(body: bytes, secret: str, variable: str) -> str:
    """A `printf` writing `body` exactly (the key from the variable, written by `%s`)."""
    pieces = body.split(secret.encode()) if secret else [body]
    arguments = [f"'{_printf_escaped(mask_bytes(pieces[0], secret))}'"]
    for piece in pieces[1:]:
        arguments += [f'"${{{variable}}}"', f"'{_printf_escaped(mask_bytes(piece, secret))}'"]
    form = "%b" + "%s%b" * (len(pieces) - 1)
    return f"printf '{form}' {' '.join(arguments)}"


def _header_argument(name: str, value: str) -> str:
    # curl drops a header given as "Name:" (no value); "Name;" sends it empty
    return f"{name};" if value == "" else f"{name}: {value}"


def curl_command(record: RequestRecord, secret: str, variable: str | None = None) -> str:
    """A shell command sending `record` again with curl, the key read from `variable`
    (default: `key_variable()`). No redirect is followed, the URL is sent as it is."""
    name_of_key = variable or key_variable()

    def word(text: str) -> str:
        return shell_word(text, secret, name_of_key)

    words = ["curl", "-sS", "-i", "--globoff", "--path-as-is"]
    words += ["--head"] if record.method.upper() == "HEAD" else ["-X", word(record.method)]
    words.append(word(record.url))
    for name, value in record.headers:
        words += ["-H", word(_header_argument(name, value))]
    if record.body is None:
        return " ".join(words)
    if not any(name.lower() == "content-type" for name, _ in record.headers):
        words += ["-H", "'Content-Type:'"]  # curl would add a form content type
    words += ["--data-binary", "@-"]
    return f"{_printf_body(record.body, secret, name_of_key)} | {' '.join(words)}"


def reproduction(finding: Finding, secret: str, max_body_bytes: int) -> str | None:
    """The curl command of a finding's request (safe to print), or None when it has none or
    its body is larger than `max_body_bytes` (the caller says where to look instead)."""
    request = finding.request
    if request is None or (request.body is not None and len(request.body) > max_body_bytes):
        return None
    return safe_text(curl_command(request, secret), secret)


def reproduction_line(finding: Finding, secret: str, max_body_bytes: int, elsewhere: str) -> str:
    """`  reproduce: curl ...`, or why there is no command here and where to look."""
    command = reproduction(finding, secret, max_body_bytes)
    if command is not None:
        return f"  reproduce: {command}"
    request = finding.request
    if request is None:
        return "  reproduce: the finding is about the run, not one request: run the rerun command"
    size = 0 if request.body is None else len(request.body)
    return f"  reproduce: the body has {size} bytes: {elsewhere}"


def _number(value: float) -> str:
    return repr(float(value))


def rerun_arguments(options: SuiteOptions) -> list[str]:
    """The command-line options that make a run with `options` again (never the key: it
    comes from the environment)."""
    arguments: list[str] = []
    if not options.mock_started:
        arguments += ["--base-url", options.base_url]
    if options.spec is not None:
        arguments += ["--spec", os.path.abspath(options.spec)]
    for operation_id in options.include_operations:
        arguments += ["--include-operation-id", operation_id]
    for operation_id in options.exclude_operations:
        arguments += ["--exclude-operation-id", operation_id]
    if options.exclude_checks:
        arguments += ["--exclude-checks", ",".join(options.exclude_checks)]
    arguments += ["--max-examples", str(options.max_examples), "--seed", str(options.seed)]
    arguments += ["--workers", str(options.workers)]
    if options.max_time_s is not None:
        arguments += ["--max-time", _number(options.max_time_s)]
    arguments += ["--request-timeout", _number(options.limits.request_timeout_s)]
    arguments += ["--max-response-bytes", str(options.limits.max_response_bytes)]
    if options.baseline is not None:
        arguments += ["--baseline", os.path.abspath(options.baseline)]
    arguments += _live_arguments(options)
    return arguments


def _live_arguments(options: SuiteOptions) -> list[str]:
    arguments: list[str] = []
    if options.live:
        arguments += ["--live", "--max-live-calls", str(options.max_live_calls)]
    from_number = options.account.from_number
    if from_number is None and options.live_numbers is not None:
        from_number = options.live_numbers.from_number
    if from_number is not None:
        arguments += ["--from-number", from_number]
    if options.account.agent_id is not None:
        arguments += ["--agent-id", options.account.agent_id]
    if options.live_numbers is not None:
        arguments += ["--live-to-number", options.live_numbers.to_number]
    return arguments


def rerun_command(result: SuiteResult) -> str:
    """The same run again, from any directory and outside the virtual environment: the
    absolute path of this interpreter, `-m contract_tests` and every option of the run."""
    options = result.options
    variable = key_variable()
    words = [os.path.abspath(sys.executable), "-m", MODULE, *rerun_arguments(options)]
    return " ".join(shell_word(word, options.api_key, variable) for word in words)
