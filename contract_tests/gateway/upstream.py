"""The gateway's side towards the server under test: HTTP/1.1 over asyncio streams and h11.

One request at a time per connection, idle connections kept for reuse. Every request runs
under one deadline covering connecting, sending and reading the whole body, and the body is
read only up to a cap: a server that drips a byte every few seconds or answers with hundreds
of megabytes costs at most the deadline and the cap. `Accept-Encoding: identity` is asked
for; a gzip or deflate body sent anyway is decoded here under the same cap (a decompression
bomb cannot grow past it), so what the suite judges is the answer as a client reads it.
"""

from __future__ import annotations

import asyncio
import ssl
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

import h11

from contract_tests.target import Target

__all__ = ["Failure", "Upstream", "UpstreamAnswer"]

Headers = list[tuple[str, str]]
# Not forwarded in either direction: they describe one connection, not the message.
HOP_BY_HOP = frozenset(
    {"connection", "keep-alive", "proxy-connection", "te", "trailer", "transfer-encoding"}
    | {"upgrade", "host", "content-length", "accept-encoding", "expect"}
)
_READ_CHUNK = 64 * 1024
_MAX_IDLE = 16


class Failure(StrEnum):
    """Why no complete answer came back."""

    CONNECT = "connection refused or unreachable"
    DEADLINE = "no complete answer within the deadline"
    TOO_LARGE = "answer larger than the size cap"
    DROPPED = "connection dropped before a complete answer"
    PROTOCOL = "answer is not valid HTTP/1.1"
    UNDECODABLE = "answer body does not decode as its Content-Encoding says"


@dataclass(frozen=True)
class UpstreamAnswer:
    status: int
    reason: str
    headers: Headers
    body: bytes
    failure: Failure | None = None
    sent: bool = True  # False only when the request never left (connect failure)


class _Connection:
    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader = reader
        self.writer = writer
        self.protocol = h11.Connection(h11.CLIENT)

    def close(self) -> None:
        self.writer.close()


class Upstream:
    """Sends requests to the target, within `deadline_s` each and reading at most `max_bytes`."""

    def __init__(self, target: Target, *, deadline_s: float, max_bytes: int) -> None:
        self.target = target
        self.deadline_s = deadline_s
        self.max_bytes = max_bytes
        self._idle: list[_Connection] = []
        self._ssl = ssl.create_default_context() if target.scheme == "https" else None

    async def send(
        self, method: str, path: str, headers: Sequence[tuple[str, str]], body: bytes
    ) -> UpstreamAnswer:
        """`path` is the request target relative to the target's base path (with query)."""
        connection: _Connection | None = None
        try:
            async with asyncio.timeout(self.deadline_s):
                try:
                    connection = await self._connection()
                except OSError:
                    return UpstreamAnswer(0, "", [], b"", Failure.CONNECT, sent=False)
                answer = await self._exchange(connection, method, path, headers, body)
        except TimeoutError:
            answer = UpstreamAnswer(0, "", [], b"", Failure.DEADLINE, sent=connection is not None)
        except (OSError, asyncio.IncompleteReadError, EOFError):
            answer = UpstreamAnswer(0, "", [], b"", Failure.DROPPED)
        except h11.RemoteProtocolError:
            answer = UpstreamAnswer(0, "", [], b"", Failure.PROTOCOL)
        except _Cut as cut:
            answer = UpstreamAnswer(cut.status, "", cut.headers, b"", cut.failure)
        if connection is not None:
            self._release(connection, reusable=answer.failure is None)
        return answer

    async def close(self) -> None:
        for connection in self._idle:
            connection.close()
        self._idle.clear()

    async def _connection(self) -> _Connection:
        while self._idle:
            connection = self._idle.pop()
            if connection.protocol.our_state is h11.IDLE and not connection.reader.at_eof():
                return connection
            connection.close()
        reader, writer = await asyncio.open_connection(
            self.target.connect_host,
            self.target.port,
            ssl=self._ssl,
            server_hostname=self.target.host if self._ssl else None,
        )
        return _Connection(reader, writer)

    def _release(self, connection: _Connection, *, reusable: bool) -> None:
        protocol = connection.protocol
        if reusable and protocol.our_state is h11.DONE and protocol.their_state is h11.DONE:
            try:
                protocol.start_next_cycle()
            except h11.LocalProtocolError:
                reusable = False
        else:
            reusable = False
        if reusable and len(self._idle) < _MAX_IDLE:
            self._idle.append(connection)
        else:
            connection.close()

    async def _exchange(
        self,
        connection: _Connection,
        method: str,
        path: str,
        headers: Sequence[tuple[str, str]],
        body: bytes,
    ) -> UpstreamAnswer:
        protocol = connection.protocol
        outgoing = [
            ("Host", self.target.host_header),
            *((name, value) for name, value in headers if name.lower() not in HOP_BY_HOP),
            ("Accept-Encoding", "identity"),
            ("Content-Length", str(len(body))),
        ]
        request = h11.Request(method=method, target=self.target.base_path + path, headers=outgoing)
        connection.writer.write(protocol.send(request) + protocol.send(h11.Data(data=body)))
        connection.writer.write(protocol.send(h11.EndOfMessage()))
        await connection.writer.drain()
        response = await _next_event(connection, h11.Response)
        assert isinstance(response, h11.Response)
        answer_headers = [
            (name.decode("latin-1"), value.decode("latin-1")) for name, value in response.headers
        ]
        decoder = _decoder(answer_headers)
        if decoder is _UNKNOWN:
            raise _Cut(response.status_code, answer_headers, Failure.UNDECODABLE)
        chunks: list[bytes] = []
        size = 0
        while True:
            event = await _next_event(connection, h11.Data, h11.EndOfMessage)
            if isinstance(event, h11.EndOfMessage):
                break
            assert isinstance(event, h11.Data)
            data = bytes(event.data)
            if decoder is not None:
                try:
                    data = decoder.decompress(data, self.max_bytes - size + 1)
                except zlib.error:
                    raise _Cut(response.status_code, answer_headers, Failure.UNDECODABLE) from None
            size += len(data)
            if size > self.max_bytes or (decoder is not None and decoder.unconsumed_tail):
                raise _Cut(response.status_code, answer_headers, Failure.TOO_LARGE)
            chunks.append(data)
        if decoder is not None and chunks and (not decoder.eof or decoder.unused_data):
            # cut short, or bytes after its end: not the body the server meant
            raise _Cut(response.status_code, answer_headers, Failure.UNDECODABLE)
        reason = response.reason.decode("latin-1", errors="replace")
        kept = [
            (n, v) for n, v in answer_headers if n.lower() not in HOP_BY_HOP | {"content-encoding"}
        ]
        return UpstreamAnswer(response.status_code, reason, kept, b"".join(chunks))


class _Cut(Exception):
    """The answer's status and headers came, its body is not to be had (`failure` says why)."""

    def __init__(self, status: int, headers: Headers, failure: Failure) -> None:
        super().__init__(status)
        self.status = status
        self.headers = headers
        self.failure = failure


async def _next_event(connection: _Connection, *wanted: type) -> object:
    """The next h11 event of a wanted type (informational 1xx answers are skipped)."""
    protocol = connection.protocol
    while True:
        event = protocol.next_event()
        if event is h11.NEED_DATA:
            data = await connection.reader.read(_READ_CHUNK)
            if not data:
                raise EOFError
            protocol.receive_data(data)
            continue
        if isinstance(event, h11.InformationalResponse):
            continue
        if isinstance(event, h11.ConnectionClosed):
            raise EOFError
        if isinstance(event, wanted):
            return event
        raise h11.RemoteProtocolError(f"unexpected {type(event).__name__}")


_UNKNOWN = object()  # a Content-Encoding the gateway cannot decode


def _decoder(headers: Headers) -> Any:
    """A decoder for the one coding the answer names (None: identity); `_UNKNOWN` for any
    other, or several in a row (`br`, `gzip, deflate`): the suite asked for identity."""
    encodings = [
        value.strip().lower() for name, value in headers if name.lower() == "content-encoding"
    ]
    codings = [part.strip() for value in encodings for part in value.split(",") if part.strip()]
    codings = [coding for coding in codings if coding != "identity"]
    if not codings:
        return None
    if codings in (["gzip"], ["x-gzip"]):
        return zlib.decompressobj(16 + zlib.MAX_WBITS)
    if codings == ["deflate"]:
        return zlib.decompressobj()
    return _UNKNOWN
