# generated from spec/openapi.yaml by `make generate`; do not edit
"""RetellClient (sync) and AsyncRetellClient (async) on httpx."""

from __future__ import annotations

import warnings
from collections.abc import Mapping
from types import TracebackType
from typing import Any

import httpx

from . import _base_client as base
from .models import (
    CreatePhoneCallRequest,
    CreatePhoneCallV1Request,
    PhoneCallResponse,
    RegisterCallResponse,
)


class RetellClient:
    """Retell AI - Create Phone Call

    The API key comes from `api_key` or $RETELL_API_KEY, the base URL from `base_url`,
    $RETELL_BASE_URL or https://api.retellai.com. Each request is validated before it
    is sent and retried up to `max_retries` times (default 2, same Idempotency-Key) on
    connection errors, timeouts, 408, 409, 429 and 5xx.

    A retried create may place a second call: when the first attempt reached the server but
    its answer was lost (a read timeout, a dropped connection), the retry is a new request,
    and only a server that honours Idempotency-Key would recognise it. `max_retries=0` sends
    every request exactly once.
    """

    def __init__(
        self,
        *,
        api_key: str | None = None,
        base_url: str | None = None,
        timeout: float | httpx.Timeout = base.DEFAULT_TIMEOUT,
        max_retries: int = base.DEFAULT_MAX_RETRIES,
        http_client: httpx.Client | None = None,
    ) -> None:
        self._api_key = base.resolve_api_key(api_key)
        self.base_url = base.resolve_base_url(base_url)
        self.max_retries = max_retries
        self.timeout = timeout if isinstance(timeout, httpx.Timeout) else httpx.Timeout(timeout)
        self._owns_http_client = http_client is None
        self._http = http_client or httpx.Client(timeout=self.timeout)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={self.base_url!r}, max_retries={self.max_retries})"

    def __enter__(self) -> RetellClient:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection pool (unless it was passed in as `http_client`)."""
        if self._owns_http_client:
            self._http.close()

    def create_phone_call(
        self,
        *,
        from_number: str,
        to_number: str,
        override_agent_id: str | None = None,
        metadata: Mapping[str, Any] | None = None,
        retell_llm_dynamic_variables: Mapping[str, str] | None = None,
        idempotency_key: str | None = None,
    ) -> PhoneCallResponse:
        """Create a new outbound phone call.

        `POST /v2/create-phone-call`; answers 201.
        """
        arguments: dict[str, Any] = {
            "from_number": from_number,
            "to_number": to_number,
            "override_agent_id": override_agent_id,
            "metadata": metadata,
            "retell_llm_dynamic_variables": retell_llm_dynamic_variables,
        }
        body = base.request_body(CreatePhoneCallRequest, arguments)
        return self._send("POST", "/v2/create-phone-call", body, PhoneCallResponse, idempotency_key)

    def create_phone_call_v1(
        self,
        *,
        from_number: str,
        to_number: str,
        override_agent_id: str | None = None,
        metadata: Mapping[str, Any] | None = None,
        retell_llm_dynamic_variables: Mapping[str, str] | None = None,
        drop_call_if_machine_detected: bool | None = None,
        idempotency_key: str | None = None,
    ) -> RegisterCallResponse:
        """Create a new phone call (deprecated).

        `POST /create-phone-call`; answers 201.

        .. deprecated:: Deprecated by the vendor in favour of `POST /v2/create-phone-call`.
        """
        warnings.warn(
            (
                "create_phone_call_v1 is deprecated: Deprecated by the vendor in favour "
                "of `POST /v2/create-phone-call`."
            ),
            DeprecationWarning,
            stacklevel=2,
        )
        arguments: dict[str, Any] = {
            "from_number": from_number,
            "to_number": to_number,
            "override_agent_id": override_agent_id,
            "metadata": metadata,
            "retell_llm_dynamic_variables": retell_llm_dynamic_variables,
            "drop_call_if_machine_detected": drop_call_if_machine_detected,
        }
        body = base.request_body(CreatePhoneCallV1Request, arguments)
        return self._send("POST", "/create-phone-call", body, RegisterCallResponse, idempotency_key)

    def _send(
        self,
        method: str,
        path: str,
        body: Mapping[str, Any],
        model: type[base.ModelT],
        idempotency_key: str | None,
    ) -> base.ModelT:
        request = self._http.build_request(
            method,
            self.base_url + path,
            json=body,
            headers=base.request_headers(self._api_key, idempotency_key),
            timeout=self.timeout,
        )
        attempt = 0
        while True:
            retry = attempt < self.max_retries
            try:
                response = self._http.send(request)
            except httpx.TransportError as exc:
                if not (retry and base.should_retry_transport_error(exc)):
                    raise base.transport_error(exc, self._api_key) from None
                base.sleep(base.retry_delay(attempt))
                attempt += 1
                continue
            if retry and base.should_retry(response.status_code):
                response.close()
                base.sleep(base.retry_delay(attempt, response))
                attempt += 1
                continue
            response.read()
            return base.parse_response(response, model, self._api_key)


class AsyncRetellClient:
    """Retell AI - Create Phone Call

    The API key comes from `api_key` or $RETELL_API_KEY, the base URL from `base_url`,
    $RETELL_BASE_URL or https://api.retellai.com. Each request is validated before it
    is sent and retried up to `max_retries` times (default 2, same Idempotency-Key) on
    connection errors, timeouts, 408, 409, 429 and 5xx.

    A retried create may place a second call: when the first attempt reached the server but
    its answer was lost (a read timeout, a dropped connection), the retry is a new request,
    and only a server that honours Idempotency-Key would recognise it. `max_retries=0` sends
    every request exactly once.
    """

    def __init__(
        self,
        *,
        api_key: str | None = None,
        base_url: str | None = None,
        timeout: float | httpx.Timeout = base.DEFAULT_TIMEOUT,
        max_retries: int = base.DEFAULT_MAX_RETRIES,
        http_client: httpx.AsyncClient | None = None,
    ) -> None:
        self._api_key = base.resolve_api_key(api_key)
        self.base_url = base.resolve_base_url(base_url)
        self.max_retries = max_retries
        self.timeout = timeout if isinstance(timeout, httpx.Timeout) else httpx.Timeout(timeout)
        self._owns_http_client = http_client is None
        self._http = http_client or httpx.AsyncClient(timeout=self.timeout)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={self.base_url!r}, max_retries={self.max_retries})"

    async def __aenter__(self) -> AsyncRetellClient:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Close the connection pool (unless it was passed in as `http_client`)."""
        if self._owns_http_client:
            await self._http.aclose()

    async def create_phone_call(
        self,
        *,
        from_number: str,
        to_number: str,
        override_agent_id: str | None = None,
        metadata: Mapping[str, Any] | None = None,
        retell_llm_dynamic_variables: Mapping[str, str] | None = None,
        idempotency_key: str | None = None,
    ) -> PhoneCallResponse:
        """Create a new outbound phone call.

        `POST /v2/create-phone-call`; answers 201.
        """
        arguments: dict[str, Any] = {
            "from_number": from_number,
            "to_number": to_number,
            "override_agent_id": override_agent_id,
            "metadata": metadata,
            "retell_llm_dynamic_variables": retell_llm_dynamic_variables,
        }
        body = base.request_body(CreatePhoneCallRequest, arguments)
        return await self._send(
            "POST", "/v2/create-phone-call", body, PhoneCallResponse, idempotency_key
        )

    async def create_phone_call_v1(
        self,
        *,
        from_number: str,
        to_number: str,
        override_agent_id: str | None = None,
        metadata: Mapping[str, Any] | None = None,
        retell_llm_dynamic_variables: Mapping[str, str] | None = None,
        drop_call_if_machine_detected: bool | None = None,
        idempotency_key: str | None = None,
    ) -> RegisterCallResponse:
        """Create a new phone call (deprecated).

        `POST /create-phone-call`; answers 201.

        .. deprecated:: Deprecated by the vendor in favour of `POST /v2/create-phone-call`.
        """
        warnings.warn(
            (
                "create_phone_call_v1 is deprecated: Deprecated by the vendor in favour "
                "of `POST /v2/create-phone-call`."
            ),
            DeprecationWarning,
            stacklevel=2,
        )
        arguments: dict[str, Any] = {
            "from_number": from_number,
            "to_number": to_number,
            "override_agent_id": override_agent_id,
            "metadata": metadata,
            "retell_llm_dynamic_variables": retell_llm_dynamic_variables,
            "drop_call_if_machine_detected": drop_call_if_machine_detected,
        }
        body = base.request_body(CreatePhoneCallV1Request, arguments)
        return await self._send(
            "POST", "/create-phone-call", body, RegisterCallResponse, idempotency_key
        )

    async def _send(
        self,
        method: str,
        path: str,
        body: Mapping[str, Any],
        model: type[base.ModelT],
        idempotency_key: str | None,
    ) -> base.ModelT:
        request = self._http.build_request(
            method,
            self.base_url + path,
            json=body,
            headers=base.request_headers(self._api_key, idempotency_key),
            timeout=self.timeout,
        )
        attempt = 0
        while True:
            retry = attempt < self.max_retries
            try:
                response = await self._http.send(request)
            except httpx.TransportError as exc:
                if not (retry and base.should_retry_transport_error(exc)):
                    raise base.transport_error(exc, self._api_key) from None
                await base.async_sleep(base.retry_delay(attempt))
                attempt += 1
                continue
            if retry and base.should_retry(response.status_code):
                await response.aclose()
                await base.async_sleep(base.retry_delay(attempt, response))
                attempt += 1
                continue
            await response.aread()
            return base.parse_response(response, model, self._api_key)
