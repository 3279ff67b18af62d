"""A bounded in-memory record of the answers the mock gave to valid requests, looked up by the
answer's first `x-unique` id (for the spec in this project: the created call's id)."""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any, NamedTuple

import pydantic_core

__all__ = ["DEFAULT_MAX_BYTES", "DEFAULT_MAX_CALLS", "CallStore", "StoredCall"]

DEFAULT_MAX_CALLS = 10_000
DEFAULT_MAX_BYTES = 64 * 1024 * 1024


class StoredCall(NamedTuple):
    """One answer: its id, the operation and path that gave it, and the JSON body."""

    key: str
    operation_id: str
    path: str
    body: bytes

    def response(self) -> dict[str, Any]:
        """The response body as a JSON object."""
        value = pydantic_core.from_json(self.body)
        assert isinstance(value, dict)
        return value


class CallStore:
    """Keeps the most recent calls, at most `max_calls` of them and `max_bytes` of bodies.

    The oldest calls are forgotten first. Thread-safe, so a test can look calls up
    while a server thread adds them.
    """

    def __init__(
        self, max_calls: int = DEFAULT_MAX_CALLS, max_bytes: int = DEFAULT_MAX_BYTES
    ) -> None:
        if max_calls < 1 or max_bytes < 1:
            raise ValueError("max_calls and max_bytes must be positive")
        self.max_calls = max_calls
        self.max_bytes = max_bytes
        self._calls: OrderedDict[str, StoredCall] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    def add(self, call: StoredCall) -> None:
        with self._lock:
            old = self._calls.pop(call.key, None)
            if old is not None:
                self._bytes -= len(old.body)
            self._calls[call.key] = call
            self._bytes += len(call.body)
            while len(self._calls) > self.max_calls or self._bytes > self.max_bytes:
                _, evicted = self._calls.popitem(last=False)
                self._bytes -= len(evicted.body)

    def get(self, key: str) -> StoredCall | None:
        with self._lock:
            return self._calls.get(key)

    def __contains__(self, key: object) -> bool:
        with self._lock:
            return key in self._calls

    def __len__(self) -> int:
        with self._lock:
            return len(self._calls)

    def clear(self) -> None:
        with self._lock:
            self._calls.clear()
            self._bytes = 0
