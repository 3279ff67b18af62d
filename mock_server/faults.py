"""Fault injection for client tests: 429s, 500s, slow answers and dropped connections.

Off by default. A fault is written `KIND[;count=N][;delay=SECONDS][;retry-after=SECONDS]`,
KIND one of `429`, `500`, `slow`, `drop`; for example `429;count=2;retry-after=1`.

- Start-up (`--fault` or `create_app(fault=...)`) or `FaultPlan.arm(...)`: the next N
  authenticated requests get the fault, whatever they carry.
- Request header `X-Mock-Fault: <fault>`: the first N requests that carry this exact header
  value get the fault; later ones with the same value are served normally. A client that
  retries with the same headers therefore sees N faults and then a success; use another
  value (add `;id=...`) to arm a fresh plan.
"""

from __future__ import annotations

import asyncio
import threading
from collections import OrderedDict, deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import NoReturn

from starlette.types import Send

__all__ = [
    "FAULT_HEADER",
    "DroppedConnection",
    "Fault",
    "FaultKind",
    "FaultPlan",
    "FaultSyntaxError",
    "Sleep",
    "drop_connection",
    "parse_fault",
]

Sleep = Callable[[float], Awaitable[object]]
"""How a `slow` fault waits: `asyncio.sleep` unless a test injects its own."""

FAULT_HEADER = "x-mock-fault"
_MAX_HEADER_PLANS = 1024
_MAX_COUNT = 1_000_000
_MAX_DELAY_S = 60.0
_MAX_RETRY_AFTER_S = 86_400


class DroppedConnection(Exception):
    """Raised after a response has started, so that uvicorn closes the connection."""


class FaultKind(StrEnum):
    RATE_LIMITED = "429"
    SERVER_ERROR = "500"
    SLOW = "slow"
    DROP = "drop"


@dataclass(frozen=True)
class Fault:
    kind: FaultKind
    count: int = 1
    delay_s: float = 2.0
    retry_after_s: int = 1


class FaultSyntaxError(ValueError):
    """A fault description that cannot be parsed; the message says why."""


def parse_fault(text: str) -> Fault:
    """Parse `KIND[;count=N][;delay=SECONDS][;retry-after=SECONDS][;id=ANY]`."""
    kind_text, *params = (part.strip() for part in text.split(";"))
    try:
        kind = FaultKind(kind_text.lower())
    except ValueError:
        kinds = ", ".join(k.value for k in FaultKind)
        raise FaultSyntaxError(
            f"unknown fault kind {kind_text!r}; expected one of {kinds}"
        ) from None
    options = dict(_parse_param(param) for param in params if param)
    return Fault(
        kind=kind,
        count=int(_number(options, "count", 1, 1, _MAX_COUNT)),
        delay_s=_number(options, "delay", 2.0, 0.0, _MAX_DELAY_S),
        retry_after_s=int(_number(options, "retry-after", 1, 0, _MAX_RETRY_AFTER_S)),
    )


def _parse_param(param: str) -> tuple[str, str]:
    name, sep, value = param.partition("=")
    name = name.strip().lower()
    if not sep or name not in {"count", "delay", "retry-after", "id"}:
        raise FaultSyntaxError(f"unknown fault parameter {param!r}")
    return name, value.strip()


def _number(options: dict[str, str], name: str, default: float, low: float, high: float) -> float:
    if name not in options:
        return default
    try:
        value = float(options[name]) if name == "delay" else int(options[name])
    except ValueError:
        raise FaultSyntaxError(f"fault parameter {name} must be a number") from None
    if not low <= value <= high:
        raise FaultSyntaxError(f"fault parameter {name} must be within [{low:g}, {high:g}]")
    return value


@dataclass
class _Armed:
    fault: Fault
    left: int


class FaultPlan:
    """Which faults the next responses get. Thread-safe: tests arm it from their own thread.

    `sleep` is awaited with a `slow` fault's delay before the request is served
    (default `asyncio.sleep`; a test can pass its own to see the delay without waiting).
    """

    def __init__(self, initial: Fault | None = None, *, sleep: Sleep = asyncio.sleep) -> None:
        self.sleep = sleep
        self._lock = threading.Lock()
        self._queue: deque[_Armed] = deque()
        self._by_header: OrderedDict[str, int] = OrderedDict()
        self._armed = False
        if initial is not None:
            self.arm(initial)

    def arm(self, fault: Fault) -> None:
        """Give the next `fault.count` requests this fault (after any already armed)."""
        with self._lock:
            self._queue.append(_Armed(fault, fault.count))
            self._armed = True

    def clear(self) -> None:
        with self._lock:
            self._queue.clear()
            self._by_header.clear()
            self._armed = False

    def take(self, header_value: str | None) -> Fault | None:
        """The fault for this request, if any (raises FaultSyntaxError for a bad header)."""
        if header_value is not None:
            return self._take_for_header(header_value)
        if not self._armed:  # the fast path: no lock when nothing was ever armed
            return None
        with self._lock:
            return self._take_queued()

    def _take_queued(self) -> Fault | None:
        if not self._queue:
            return None
        armed = self._queue[0]
        armed.left -= 1
        if armed.left <= 0:
            self._queue.popleft()
            self._armed = bool(self._queue)
        return armed.fault

    def _take_for_header(self, header_value: str) -> Fault | None:
        fault = parse_fault(header_value)
        with self._lock:
            left = self._by_header.pop(header_value, fault.count)
            self._by_header[header_value] = max(left - 1, 0)
            while len(self._by_header) > _MAX_HEADER_PLANS:
                self._by_header.popitem(last=False)
        return fault if left > 0 else None


async def drop_connection(send: Send) -> NoReturn:
    """Start a response, then drop the connection before any body byte is sent."""
    headers = [(b"content-length", b"64")]
    await send({"type": "http.response.start", "status": 200, "headers": headers})
    raise DroppedConnection("connection dropped by the fault plan")
