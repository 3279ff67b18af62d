# generated from spec/openapi.yaml by `make generate`; do not edit
"""Retell (sync) and AsyncRetell (async): the clients of Retell AI - Create Phone Call."""

from __future__ import annotations

from functools import cached_property

from ._base_client import AsyncAPIClient, SyncAPIClient
from .resources import (
    AsyncCallResource,
    CallResource,
)

__all__ = ["AsyncRetell", "Retell"]


class Retell(SyncAPIClient):
    """The synchronous client of Retell AI - Create Phone Call.

    Options (all keyword-only):
      api_key: The API key; default: the RETELL_API_KEY environment variable. A key that
          cannot be a header value (whitespace, control or non-ASCII characters) is refused.
      base_url: Default: RETELL_BASE_URL, else https://api.retellai.com. A URL with user info
          (user:password@) is refused.
      timeout: Seconds per attempt, covering connecting, sending and reading the whole answer
          (default 60.0, connecting at most 5.0), or an httpx.Timeout (the attempt's deadline
          is then its largest value).
      max_retries: Retries after the first attempt (default 2); which failures are
          retried depends on the operation (see `retry_unsafe`).
      default_headers: Headers sent with every request.
      http_client: Your own httpx.Client (proxies, limits, a mock transport). The client's
          own one also redacts the key from reason phrases before httpx logs them, and
          holds each attempt's deadline inside every socket read (yours: between chunks).
      strict_response_validation: Check every success body against the spec's rules and
          raise APIResponseValidationError (field and rule) where one is broken; by
          default answers are built as sent (unknown enum values and fields kept).
      retry_unsafe: Also retry calls that are not idempotent (creating a phone call) after
          they may have reached the server: on 408, 409, 5xx, timeouts and dropped
          connections. Off by default, because such a retry may place a second, paid call.
      max_response_bytes: The largest answer read (default 16777216 bytes); a larger one
          raises APIResponseTooLargeError without being read further.

    `with_options(...)` returns a copy with some options changed; the client is a context
    manager, and `client.close()` closes the connection pool it made.
    """

    @cached_property
    def call(self) -> CallResource:
        return CallResource(self)


class AsyncRetell(AsyncAPIClient):
    """The asynchronous client of Retell AI - Create Phone Call.

    Options (all keyword-only):
      api_key: The API key; default: the RETELL_API_KEY environment variable. A key that
          cannot be a header value (whitespace, control or non-ASCII characters) is refused.
      base_url: Default: RETELL_BASE_URL, else https://api.retellai.com. A URL with user info
          (user:password@) is refused.
      timeout: Seconds per attempt, covering connecting, sending and reading the whole answer
          (default 60.0, connecting at most 5.0), or an httpx.Timeout (the attempt's deadline
          is then its largest value).
      max_retries: Retries after the first attempt (default 2); which failures are
          retried depends on the operation (see `retry_unsafe`).
      default_headers: Headers sent with every request.
      http_client: Your own httpx.AsyncClient (proxies, limits, a mock transport). The
          client's own one also redacts the key from reason phrases before httpx logs them.
      strict_response_validation: Check every success body against the spec's rules and
          raise APIResponseValidationError (field and rule) where one is broken; by
          default answers are built as sent (unknown enum values and fields kept).
      retry_unsafe: Also retry calls that are not idempotent (creating a phone call) after
          they may have reached the server: on 408, 409, 5xx, timeouts and dropped
          connections. Off by default, because such a retry may place a second, paid call.
      max_response_bytes: The largest answer read (default 16777216 bytes); a larger one
          raises APIResponseTooLargeError without being read further.

    `with_options(...)` returns a copy with some options changed; the client is a context
    manager, and `await client.aclose()` closes the connection pool it made.
    """

    @cached_property
    def call(self) -> AsyncCallResource:
        return AsyncCallResource(self)
