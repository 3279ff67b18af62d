# generated from spec/openapi.yaml by `make generate`; do not edit
"""The clients' defaults (the same in every generated language)."""

from __future__ import annotations

import httpx

from ._version import __version__

DEFAULT_BASE_URL = "https://api.retellai.com"
DEFAULT_TIMEOUT = httpx.Timeout(60.0, connect=5.0)
"""Per attempt: connecting, sending, waiting for the answer and reading all of it."""
DEFAULT_MAX_RETRIES = 2
DEFAULT_MAX_RESPONSE_BYTES = 16777216
INITIAL_RETRY_DELAY = 0.5
MAX_RETRY_DELAY = 8.0
MAX_RETRY_AFTER = 60.0
"""The longest wait a `Retry-After` may ask for; beyond it the client backs off instead."""

API_KEY_ENV = "RETELL_API_KEY"
BASE_URL_ENV = "RETELL_BASE_URL"
AUTH_HEADER = "Authorization"
USER_AGENT = f"retell-client-python/{__version__}"
# Fields of an error body that hold its human-readable message, in the order they are tried.
ERROR_MESSAGE_FIELDS: tuple[str, ...] = ("error_message",)
