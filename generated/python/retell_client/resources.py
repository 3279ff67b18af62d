# generated from spec/openapi.yaml by `make generate`; do not edit
"""The API's resources, one class per resource and flavour: `client.<resource>.<method>(...)`
returns the model; `client.<resource>.with_raw_response.<method>(...)` the raw response."""

from __future__ import annotations

import warnings
from collections.abc import Mapping
from functools import cached_property

from . import models
from ._base_client import AsyncAPIClient, Operation, RequestOptions, SyncAPIClient
from ._response import APIResponse, AsyncAPIResponse
from ._types import NOT_GIVEN, Body, Headers, NotGiven, Query, TimeoutTypes

__all__ = [
    "AsyncCallResource",
    "AsyncCallResourceWithRawResponse",
    "CallResource",
    "CallResourceWithRawResponse",
]

_CREATE_PHONE_CALL: Operation[models.PhoneCallResponse] = Operation(
    method="POST",
    path="/v2/create-phone-call",
    request_schema="CreatePhoneCallRequest",
    response_schema="createPhoneCall:201",
    response_type=models.PhoneCallResponse,
    idempotent=False,
    drop_none=frozenset(("override_agent_id", "metadata", "retell_llm_dynamic_variables")),
    idempotency_header=None,
)

_CREATE_PHONE_CALL_V1: Operation[models.RegisterCallResponse] = Operation(
    method="POST",
    path="/create-phone-call",
    request_schema="CreatePhoneCallV1Request",
    response_schema="RegisterCallResponse",
    response_type=models.RegisterCallResponse,
    idempotent=False,
    drop_none=frozenset(
        (
            "override_agent_id",
            "metadata",
            "retell_llm_dynamic_variables",
            "drop_call_if_machine_detected",
        )
    ),
    idempotency_header=None,
)
_CREATE_PHONE_CALL_V1_DEPRECATION = (
    "create_phone_call_v1 is deprecated: Deprecated by the vendor in favour of `POST "
    "/v2/create-phone-call`."
)


class CallResource:
    """`client.call`: the `call` operations."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> CallResourceWithRawResponse:
        """The same methods, returning the raw response (status, headers, body, `parse()`)."""
        return CallResourceWithRawResponse(self._client)

    def create_phone_call(
        self,
        *,
        from_number: str,
        to_number: str,
        override_agent_id: str | NotGiven = NOT_GIVEN,
        metadata: Mapping[str, object] | NotGiven = NOT_GIVEN,
        retell_llm_dynamic_variables: Mapping[str, str] | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> models.PhoneCallResponse:
        """Create a new outbound phone call.

        `POST /v2/create-phone-call`. Not idempotent: by default retried only when it cannot
        have reached the server (a connection that failed before the request was sent) or on
        429, so a retry never repeats it; `retry_unsafe=True` on the client retries it like an
        idempotent one.

        Args:
          from_number: The number you own in E.164 format. Must be a Retell managed number. Must
              match the pattern `^\\+[1-9][0-9]{1,14}$`.
          to_number: The number you want to call, in E.164 format. Right now only US numbers are
              officially supported. Must match the pattern `^\\+[1-9][0-9]{1,14}$`.
          override_agent_id: For this particular call, override the agent used with this agent
              id. This does not bind the agent to this number, this is for one time override.
          metadata: An arbitrary object for storage purpose only. You can put anything here like
              your internal customer id associated with the call. Not used for processing. You
              can later get this field from the call object.
          retell_llm_dynamic_variables: Add optional dynamic variables in key value pairs of
              string that injects into your Retell LLM prompt and tool description. Only
              applicable for Retell LLM. Values must be strings.
          extra_headers: Headers to send too (they win over the client's `default_headers`).
          extra_query: Query parameters to add to the URL.
          extra_body: Properties merged into the JSON body (they win over the arguments),
              checked like the rest: a way to send a field this client does not know yet.
          timeout: This request's limit per attempt, in seconds or as an httpx.Timeout.
          max_retries: This request's number of retries (default: the client's).

        Raises:
          ValidationError: an argument breaks a rule of the spec; nothing was sent.
          APIStatusError: the server answered with an error status (a subclass per status).
          APIConnectionError: no answer (APITimeoutError: not within the timeout).
          APIResponseValidationError: the answer is not JSON, or breaks the spec in strict mode.
          APIResponseTooLargeError: the answer is larger than `max_response_bytes`.
        """
        response = self._client._request(
            _CREATE_PHONE_CALL,
            {
                "from_number": from_number,
                "to_number": to_number,
                "override_agent_id": override_agent_id,
                "metadata": metadata,
                "retell_llm_dynamic_variables": retell_llm_dynamic_variables,
            },
            RequestOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
            ),
        )
        return response.parse()

    def create_phone_call_v1(
        self,
        *,
        from_number: str,
        to_number: str,
        override_agent_id: str | NotGiven = NOT_GIVEN,
        metadata: Mapping[str, object] | NotGiven = NOT_GIVEN,
        retell_llm_dynamic_variables: Mapping[str, str] | NotGiven = NOT_GIVEN,
        drop_call_if_machine_detected: bool | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> models.RegisterCallResponse:
        """Create a new phone call (deprecated).

        Deprecated: Deprecated by the vendor in favour of `POST /v2/create-phone-call`.
        Calling it warns (DeprecationWarning).

        `POST /create-phone-call`. Not idempotent: by default retried only when it cannot have
        reached the server (a connection that failed before the request was sent) or on 429, so
        a retry never repeats it; `retry_unsafe=True` on the client retries it like an
        idempotent one.

        Args:
          from_number: The number you own in E.164 format. Must match the pattern
              `^\\+[1-9][0-9]{1,14}$`.
          to_number: The number you want to call, in E.164 format. Must match the pattern
              `^\\+[1-9][0-9]{1,14}$`.
          override_agent_id: For this particular call, override the agent used with this agent
              id. This does not bind the agent to this number, this is for one time override.
          metadata: An arbitrary object for storage purpose only. You can put anything here like
              your internal customer id associated with the call. Not used for processing. You
              can later get this field from the call object.
          retell_llm_dynamic_variables: Add optional dynamic variables in key value pairs of
              string that injects into your Retell LLM prompt and tool description. Only
              applicable for Retell LLM. Values must be strings.
          drop_call_if_machine_detected: If set, will drop the call if machine (voicemail, IVR)
              is detected. If not set, default value of false will apply. Default when left out:
              `false`.
          extra_headers: Headers to send too (they win over the client's `default_headers`).
          extra_query: Query parameters to add to the URL.
          extra_body: Properties merged into the JSON body (they win over the arguments),
              checked like the rest: a way to send a field this client does not know yet.
          timeout: This request's limit per attempt, in seconds or as an httpx.Timeout.
          max_retries: This request's number of retries (default: the client's).

        Raises:
          ValidationError: an argument breaks a rule of the spec; nothing was sent.
          APIStatusError: the server answered with an error status (a subclass per status).
          APIConnectionError: no answer (APITimeoutError: not within the timeout).
          APIResponseValidationError: the answer is not JSON, or breaks the spec in strict mode.
          APIResponseTooLargeError: the answer is larger than `max_response_bytes`.
        """
        warnings.warn(_CREATE_PHONE_CALL_V1_DEPRECATION, DeprecationWarning, stacklevel=2)
        response = self._client._request(
            _CREATE_PHONE_CALL_V1,
            {
                "from_number": from_number,
                "to_number": to_number,
                "override_agent_id": override_agent_id,
                "metadata": metadata,
                "retell_llm_dynamic_variables": retell_llm_dynamic_variables,
                "drop_call_if_machine_detected": drop_call_if_machine_detected,
            },
            RequestOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
            ),
        )
        return response.parse()


class AsyncCallResource:
    """`client.call` of the async client: the `call` operations."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> AsyncCallResourceWithRawResponse:
        """The same methods, returning the raw response (status, headers, body, `parse()`)."""
        return AsyncCallResourceWithRawResponse(self._client)

    async def create_phone_call(
        self,
        *,
        from_number: str,
        to_number: str,
        override_agent_id: str | NotGiven = NOT_GIVEN,
        metadata: Mapping[str, object] | NotGiven = NOT_GIVEN,
        retell_llm_dynamic_variables: Mapping[str, str] | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> models.PhoneCallResponse:
        """Create a new outbound phone call.

        `POST /v2/create-phone-call`. Not idempotent: by default retried only when it cannot
        have reached the server (a connection that failed before the request was sent) or on
        429, so a retry never repeats it; `retry_unsafe=True` on the client retries it like an
        idempotent one.

        Args:
          from_number: The number you own in E.164 format. Must be a Retell managed number. Must
              match the pattern `^\\+[1-9][0-9]{1,14}$`.
          to_number: The number you want to call, in E.164 format. Right now only US numbers are
              officially supported. Must match the pattern `^\\+[1-9][0-9]{1,14}$`.
          override_agent_id: For this particular call, override the agent used with this agent
              id. This does not bind the agent to this number, this is for one time override.
          metadata: An arbitrary object for storage purpose only. You can put anything here like
              your internal customer id associated with the call. Not used for processing. You
              can later get this field from the call object.
          retell_llm_dynamic_variables: Add optional dynamic variables in key value pairs of
              string that injects into your Retell LLM prompt and tool description. Only
              applicable for Retell LLM. Values must be strings.
          extra_headers: Headers to send too (they win over the client's `default_headers`).
          extra_query: Query parameters to add to the URL.
          extra_body: Properties merged into the JSON body (they win over the arguments),
              checked like the rest: a way to send a field this client does not know yet.
          timeout: This request's limit per attempt, in seconds or as an httpx.Timeout.
          max_retries: This request's number of retries (default: the client's).

        Raises:
          ValidationError: an argument breaks a rule of the spec; nothing was sent.
          APIStatusError: the server answered with an error status (a subclass per status).
          APIConnectionError: no answer (APITimeoutError: not within the timeout).
          APIResponseValidationError: the answer is not JSON, or breaks the spec in strict mode.
          APIResponseTooLargeError: the answer is larger than `max_response_bytes`.
        """
        response = await self._client._request(
            _CREATE_PHONE_CALL,
            {
                "from_number": from_number,
                "to_number": to_number,
                "override_agent_id": override_agent_id,
                "metadata": metadata,
                "retell_llm_dynamic_variables": retell_llm_dynamic_variables,
            },
            RequestOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
            ),
        )
        return await response.parse()

    async def create_phone_call_v1(
        self,
        *,
        from_number: str,
        to_number: str,
        override_agent_id: str | NotGiven = NOT_GIVEN,
        metadata: Mapping[str, object] | NotGiven = NOT_GIVEN,
        retell_llm_dynamic_variables: Mapping[str, str] | NotGiven = NOT_GIVEN,
        drop_call_if_machine_detected: bool | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> models.RegisterCallResponse:
        """Create a new phone call (deprecated).

        Deprecated: Deprecated by the vendor in favour of `POST /v2/create-phone-call`.
        Calling it warns (DeprecationWarning).

        `POST /create-phone-call`. Not idempotent: by default retried only when it cannot have
        reached the server (a connection that failed before the request was sent) or on 429, so
        a retry never repeats it; `retry_unsafe=True` on the client retries it like an
        idempotent one.

        Args:
          from_number: The number you own in E.164 format. Must match the pattern
              `^\\+[1-9][0-9]{1,14}$`.
          to_number: The number you want to call, in E.164 format. Must match the pattern
              `^\\+[1-9][0-9]{1,14}$`.
          override_agent_id: For this particular call, override the agent used with this agent
              id. This does not bind the agent to this number, this is for one time override.
          metadata: An arbitrary object for storage purpose only. You can put anything here like
              your internal customer id associated with the call. Not used for processing. You
              can later get this field from the call object.
          retell_llm_dynamic_variables: Add optional dynamic variables in key value pairs of
              string that injects into your Retell LLM prompt and tool description. Only
              applicable for Retell LLM. Values must be strings.
          drop_call_if_machine_detected: If set, will drop the call if machine (voicemail, IVR)
              is detected. If not set, default value of false will apply. Default when left out:
              `false`.
          extra_headers: Headers to send too (they win over the client's `default_headers`).
          extra_query: Query parameters to add to the URL.
          extra_body: Properties merged into the JSON body (they win over the arguments),
              checked like the rest: a way to send a field this client does not know yet.
          timeout: This request's limit per attempt, in seconds or as an httpx.Timeout.
          max_retries: This request's number of retries (default: the client's).

        Raises:
          ValidationError: an argument breaks a rule of the spec; nothing was sent.
          APIStatusError: the server answered with an error status (a subclass per status).
          APIConnectionError: no answer (APITimeoutError: not within the timeout).
          APIResponseValidationError: the answer is not JSON, or breaks the spec in strict mode.
          APIResponseTooLargeError: the answer is larger than `max_response_bytes`.
        """
        warnings.warn(_CREATE_PHONE_CALL_V1_DEPRECATION, DeprecationWarning, stacklevel=2)
        response = await self._client._request(
            _CREATE_PHONE_CALL_V1,
            {
                "from_number": from_number,
                "to_number": to_number,
                "override_agent_id": override_agent_id,
                "metadata": metadata,
                "retell_llm_dynamic_variables": retell_llm_dynamic_variables,
                "drop_call_if_machine_detected": drop_call_if_machine_detected,
            },
            RequestOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
            ),
        )
        return await response.parse()


class CallResourceWithRawResponse:
    """`client.call.with_raw_response`: each method returns an APIResponse."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    def create_phone_call(
        self,
        *,
        from_number: str,
        to_number: str,
        override_agent_id: str | NotGiven = NOT_GIVEN,
        metadata: Mapping[str, object] | NotGiven = NOT_GIVEN,
        retell_llm_dynamic_variables: Mapping[str, str] | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> APIResponse[models.PhoneCallResponse]:
        """Like `CallResource.create_phone_call`, returning the raw response: status, headers,
        body, retries taken, and `parse()` for what that method returns."""
        response = self._client._request(
            _CREATE_PHONE_CALL,
            {
                "from_number": from_number,
                "to_number": to_number,
                "override_agent_id": override_agent_id,
                "metadata": metadata,
                "retell_llm_dynamic_variables": retell_llm_dynamic_variables,
            },
            RequestOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
            ),
        )
        return response

    def create_phone_call_v1(
        self,
        *,
        from_number: str,
        to_number: str,
        override_agent_id: str | NotGiven = NOT_GIVEN,
        metadata: Mapping[str, object] | NotGiven = NOT_GIVEN,
        retell_llm_dynamic_variables: Mapping[str, str] | NotGiven = NOT_GIVEN,
        drop_call_if_machine_detected: bool | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> APIResponse[models.RegisterCallResponse]:
        """Like `CallResource.create_phone_call_v1`, returning the raw response: status, headers,
        body, retries taken, and `parse()` for what that method returns."""
        warnings.warn(_CREATE_PHONE_CALL_V1_DEPRECATION, DeprecationWarning, stacklevel=2)
        response = self._client._request(
            _CREATE_PHONE_CALL_V1,
            {
                "from_number": from_number,
                "to_number": to_number,
                "override_agent_id": override_agent_id,
                "metadata": metadata,
                "retell_llm_dynamic_variables": retell_llm_dynamic_variables,
                "drop_call_if_machine_detected": drop_call_if_machine_detected,
            },
            RequestOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
            ),
        )
        return response


class AsyncCallResourceWithRawResponse:
    """`client.call.with_raw_response` of the async client: each method returns an
    AsyncAPIResponse."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    async def create_phone_call(
        self,
        *,
        from_number: str,
        to_number: str,
        override_agent_id: str | NotGiven = NOT_GIVEN,
        metadata: Mapping[str, object] | NotGiven = NOT_GIVEN,
        retell_llm_dynamic_variables: Mapping[str, str] | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> AsyncAPIResponse[models.PhoneCallResponse]:
        """Like `AsyncCallResource.create_phone_call`, returning the raw response: status,
        headers, body, retries taken, and `await parse()` for what that method returns."""
        response = await self._client._request(
            _CREATE_PHONE_CALL,
            {
                "from_number": from_number,
                "to_number": to_number,
                "override_agent_id": override_agent_id,
                "metadata": metadata,
                "retell_llm_dynamic_variables": retell_llm_dynamic_variables,
            },
            RequestOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
            ),
        )
        return response

    async def create_phone_call_v1(
        self,
        *,
        from_number: str,
        to_number: str,
        override_agent_id: str | NotGiven = NOT_GIVEN,
        metadata: Mapping[str, object] | NotGiven = NOT_GIVEN,
        retell_llm_dynamic_variables: Mapping[str, str] | NotGiven = NOT_GIVEN,
        drop_call_if_machine_detected: bool | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> AsyncAPIResponse[models.RegisterCallResponse]:
        """Like `AsyncCallResource.create_phone_call_v1`, returning the raw response: status,
        headers, body, retries taken, and `await parse()` for what that method returns."""
        warnings.warn(_CREATE_PHONE_CALL_V1_DEPRECATION, DeprecationWarning, stacklevel=2)
        response = await self._client._request(
            _CREATE_PHONE_CALL_V1,
            {
                "from_number": from_number,
                "to_number": to_number,
                "override_agent_id": override_agent_id,
                "metadata": metadata,
                "retell_llm_dynamic_variables": retell_llm_dynamic_variables,
                "drop_call_if_machine_detected": drop_call_if_machine_detected,
            },
            RequestOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
            ),
        )
        return response
