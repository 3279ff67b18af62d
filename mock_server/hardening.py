"""Connection limits uvicorn lacks: a header-size cap, read deadlines, a bound on connections.

What uvicorn (0.3x-0.5x) offers and why it is not enough on its own:

- `timeout_keep_alive` closes a connection idle *after* a response; uvicorn cancels it as soon
  as any byte arrives, so a client that sends half a request line, or headers one byte a
  minute, or a body that never ends, holds its connection forever. A fresh connection that
  sends nothing has no timeout at all.
- `limit_concurrency` counts idle connections too, and once slow sockets fill it uvicorn
  answers 503 to everyone: it turns a slowloris into the outage it should prevent.
- `h11_max_incomplete_event_size` caps the header buffer of the h11 protocol only (with a 400,
  not 431); httptools, the protocol uvicorn picks when it is installed (and ours: it is much
  faster), keeps headers of any size.

So `HardenedProtocol` (uvicorn's httptools protocol, plus these rules) enforces `Limits`:

- the request head (request line and headers) is at most `max_header_bytes`, else 431;
- a connection has `header_timeout_s` from connecting, or from its previous answer, to
  deliver a head (trickling bytes does not extend it), and `body_timeout_s` from the end of
  the head to deliver the body, else 408 and close (a connection that sent nothing is just
  closed); time the server spends answering never counts against the client;
- at most `max_connections` connections: a new one beyond it closes the connection that has
  waited longest for its request (idle or with a partial head, then a partial body); one
  that is being answered is never closed, and if all are, the newcomer gets 503.

The deadlines cost no timer per request: each connection has one watchdog that wakes when
its current deadline could have passed, looks at the phase and re-arms itself.
"""

from __future__ import annotations

import asyncio
import http
import itertools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

__all__ = ["ErrorBody", "HardenedProtocol", "Limits", "Settings", "plain_text", "protocol_for"]

ErrorBody = Callable[[str], tuple[bytes, bytes]]
"""A refusal's message -> (content type, body)."""

# What a connection is waiting for. The deadlines of the first three are the client's.
_IDLE = 0  # the first byte of a request (fresh, or after an answer)
_HEAD = 1  # the rest of a request's head
_BODY = 2  # the rest of its body
_SERVING = 3  # nothing: the request is in, the server is answering it
_LINGER_S = 1.0  # how long a refused connection is drained before it is closed
_ARRIVALS = itertools.count()  # orders connections whose clock readings tie (ms resolution)


@dataclass(frozen=True)
class Limits:
    """How much a client may send, how slowly, and how many connections it may hold."""

    max_header_bytes: int = 16 * 1024
    header_timeout_s: float = 10.0
    body_timeout_s: float = 30.0
    keep_alive_s: float = 5.0  # uvicorn's own idle timeout between requests
    max_connections: int = 1000

    def __post_init__(self) -> None:
        for name in ("max_header_bytes", "max_connections"):
            if getattr(self, name) < 1:
                raise ValueError(f"{name} must be at least 1")
        for name in ("header_timeout_s", "body_timeout_s", "keep_alive_s"):
            if not getattr(self, name) > 0:
                raise ValueError(f"{name} must be positive")


def plain_text(message: str) -> tuple[bytes, bytes]:
    """A refusal as uvicorn words its own (for servers without an error body of their own)."""
    return b"text/plain; charset=utf-8", message.encode()


@dataclass(frozen=True)
class Settings:
    limits: Limits = Limits()
    error_body: ErrorBody = plain_text


class HardenedProtocol(HttpToolsProtocol):
    """uvicorn's httptools protocol with `Limits` (see the module docstring)."""

    settings: ClassVar[Settings] = Settings()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._max_head = self.settings.limits.max_header_bytes
        self._clock = self.loop.time
        self._now = 0.0  # when the chunk being parsed arrived (one clock reading per chunk)
        self._phase = _IDLE
        self._since = 0.0  # when the current phase began (loop time)
        self._chunk_bytes = 0  # of the chunk being parsed
        self._late_head_bytes = 0  # received while the current head is unfinished (see below)
        self._began_here = False  # the current head began in the chunk being parsed
        self._ended_here = False  # a request ended in the chunk being parsed
        self._refused = False
        self._watchdog: asyncio.TimerHandle | None = None
        self._arrival = next(_ARRIVALS)

    # --- connection ---------------------------------------------------------------------------

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        crowded = not self._make_room()
        super().connection_made(transport)
        self._since = self.loop.time()
        self._watchdog = self.loop.call_later(self.settings.limits.header_timeout_s, self._watch)
        if crowded:
            self._refuse(503, "Too many connections are being answered; retry later.")

    def connection_lost(self, exc: Exception | None) -> None:
        if self._watchdog is not None:
            self._watchdog.cancel()
            self._watchdog = None
        super().connection_lost(exc)

    def _make_room(self) -> bool:
        """Below `max_connections` once this one is added (closing the stalest connection
        when needed); False when every connection is being answered."""
        others = self.connections
        if len(others) < self.settings.limits.max_connections:
            return True
        waiting = [
            c
            for c in others
            if isinstance(c, HardenedProtocol)
            and not c.transport.is_closing()
            and (c._refused or c._phase != _SERVING)
        ]
        if not waiting:
            return False
        # refused ones still draining first, then idle ones and partial heads (a head is
        # small: a partial one is a stalled client), then partial bodies; the longest
        # waiting first
        stalest = min(
            waiting, key=lambda c: (not c._refused, c._phase == _BODY, c._since, c._arrival)
        )
        stalest._refused = True
        stalest.transport.close()
        return True

    # --- parsing ------------------------------------------------------------------------------
    # The base class's methods are called directly (not through super()): these run for every
    # request, and the lookup is most of what they add.

    def data_received(self, data: bytes) -> None:
        if self._refused:  # lingering after a refusal (see `_refuse`): read and drop
            return
        self._chunk_bytes = len(data)
        self._now = self._clock()
        self._began_here = self._ended_here = False
        HttpToolsProtocol.data_received(self, data)
        if self._phase != _HEAD or self._refused:
            return
        # The head is still incomplete: every byte of this chunk is a byte of it, unless an
        # earlier request ended in the chunk too (then the bytes before the head are unknown
        # and not counted). The parser holds the partial header line: counting bounds it.
        if not (self._began_here and self._ended_here):
            self._late_head_bytes += len(data)
        if self._late_head_bytes > self._max_head or self._head_bytes() > self._max_head:
            self._refuse_large_head()

    def on_message_begin(self) -> None:
        if self._refused:
            return
        HttpToolsProtocol.on_message_begin(self)
        # `_since` stays: the head's time runs from connecting, or from the previous answer
        self._phase = _HEAD
        self._late_head_bytes = 0
        self._began_here = True

    def on_headers_complete(self) -> None:
        if self._refused:
            return
        limit = self._max_head
        # a head that began and ended in a chunk no larger than the limit is within it
        if not (self._began_here and self._chunk_bytes <= limit) and self._head_bytes() > limit:
            self._refuse_large_head()
            return
        HttpToolsProtocol.on_headers_complete(self)
        self._phase = _BODY
        self._since = self._now

    def _head_bytes(self) -> int:
        """The size of the head parsed so far: request target, header names and values, and
        4 bytes per header (": " and CRLF)."""
        return len(self.url) + sum(len(name) + len(value) + 4 for name, value in self.headers)

    def on_body(self, body: bytes) -> None:
        if not self._refused:
            HttpToolsProtocol.on_body(self, body)

    def on_message_complete(self) -> None:
        if self._refused:
            return
        HttpToolsProtocol.on_message_complete(self)
        self._ended_here = True
        if self.cycle.response_complete:  # answered before its body was read: nothing is owed
            self._phase = _IDLE
            self._since = self._now
        else:
            self._phase = _SERVING

    def on_response_complete(self) -> None:
        queued = bool(self.pipeline)
        HttpToolsProtocol.on_response_complete(self)
        if self._phase == _SERVING and not queued:
            self._phase = _IDLE
        # a partial request that arrived meanwhile gets its full time from now on
        self._since = self._clock()

    def _refuse_large_head(self) -> None:
        limit = self.settings.limits.max_header_bytes
        cycle = self.cycle  # the previous request's: it may still be being answered
        answer = not self.pipeline and (cycle is None or cycle.response_complete)
        self._refuse(431, f"Request header fields are larger than {limit} bytes", answer=answer)

    # --- deadlines ----------------------------------------------------------------------------

    def _watch(self) -> None:
        self._watchdog = None
        if self._refused or self.transport.is_closing():
            return
        wait = self.settings.limits.header_timeout_s
        if self._phase != _SERVING and not self._server_is_behind():
            limit = self.settings.limits.body_timeout_s if self._phase == _BODY else wait
            wait = self._since + limit - self.loop.time()
            if wait <= 0:
                self._time_out()
                return
        self._watchdog = self.loop.call_later(wait, self._watch)

    def _server_is_behind(self) -> bool:
        """Whether the client waits for the server (an earlier request is being answered, or
        reading is paused until the app takes what it was sent) rather than the reverse."""
        if self.pipeline or self.flow.read_paused:
            return True
        cycle = self.cycle
        return self._phase == _HEAD and cycle is not None and not cycle.response_complete

    def _time_out(self) -> None:
        if self._phase == _IDLE:  # nothing was asked: nothing to answer
            self._refused = True
            self.transport.close()
        elif self._phase == _HEAD:
            self._refuse(408, f"Request headers not received within {self._limit_text()}")
        elif self.cycle.response_started:  # the app answered early: the rest is not needed
            self._refused = True
            self.transport.close()
        else:
            self.cycle.disconnected = True  # the app waiting for the body reads a disconnect
            self.cycle.message_event.set()
            self._refuse(408, f"Request body not received within {self._limit_text()}")

    def _limit_text(self) -> str:
        limit = (
            self.settings.limits.body_timeout_s
            if self._phase == _BODY
            else self.settings.limits.header_timeout_s
        )
        return f"{limit:g} s"

    # --- refusals -----------------------------------------------------------------------------

    def _refuse(self, status: int, message: str, *, answer: bool = True) -> None:
        """Answer `status` with `message` (unless told not to: the connection owes an earlier
        answer first) and close the connection.

        The close lingers: the answer goes out with a FIN, and what the client still sends is
        read and dropped for a moment, because closing a socket with unread data makes the
        kernel send a reset, which can destroy the answer before the client has read it.
        """
        self._refused = True
        transport = self.transport
        if not answer or transport.is_closing():
            transport.close()
            return
        content_type, body = self.settings.error_body(message)
        head = [
            f"HTTP/1.1 {status} {http.HTTPStatus(status).phrase}\r\n".encode(),
            *(name + b": " + value + b"\r\n" for name, value in self.server_state.default_headers),
            b"content-type: " + content_type + b"\r\n",
            b"content-length: " + str(len(body)).encode() + b"\r\n",
            b"connection: close\r\n\r\n",
        ]
        transport.write(b"".join(head) + body)
        if not transport.can_write_eof():
            transport.close()
            return
        transport.write_eof()
        self.flow.resume_reading()
        if self._watchdog is not None:
            self._watchdog.cancel()
        self._watchdog = self.loop.call_later(_LINGER_S, transport.close)


def protocol_for(limits: Limits, error_body: ErrorBody = plain_text) -> type[HardenedProtocol]:
    """A `HardenedProtocol` class with these limits and refusal bodies, for uvicorn's `http`."""

    class Configured(HardenedProtocol):
        settings = Settings(limits, error_body)

    return Configured
