"""The server under test: its base URL, read one way only, and whether it is on this machine.

HTTP stacks disagree on odd URLs: for `http://a.example\\@127.0.0.1:9000` Python's `urlsplit`
reads host 127.0.0.1 while urllib3 (what requests, and so Schemathesis, connects with) reads
host a.example. So a base URL with anything such parsers may read differently - user info,
a backslash, whitespace or control characters, percent-escapes in the authority, a fragment
- is refused, and the parts of an accepted one must agree between `urlsplit` and urllib3's
`parse_url`. Nothing else in the suite connects to the target: every request goes through
the gateway, which connects to `Target.connect_host` and `Target.port`, the very values
checked here.

Loopback means a literal loopback address (127.0.0.0/8, ::1) or the name `localhost` when
every address it resolves to is a loopback one; any other name is not loopback, whatever it
resolves to (names are not addresses).
"""

from __future__ import annotations

import ipaddress
import re
import socket
from dataclasses import dataclass
from urllib.parse import urlsplit

from urllib3.util import parse_url

__all__ = ["Target", "TargetError", "parse_target"]

_AMBIGUOUS = re.compile(r"[\\\s\x00-\x1f\x7f]")
_DEFAULT_PORTS = {"http": 80, "https": 443}
LOCALHOST = "localhost"


class TargetError(ValueError):
    """A base URL the suite will not use; the message is one line saying why."""


@dataclass(frozen=True)
class Target:
    scheme: str  # "http" or "https"
    host: str  # lower-case name or address, IPv6 without brackets
    port: int
    base_path: str  # "" or "/prefix" (no trailing slash)

    @property
    def connect_host(self) -> str:
        """Where the gateway connects: the checked address itself (`localhost` only ever
        means this machine's 127.0.0.1, whatever a resolver says later)."""
        return "127.0.0.1" if self.host == LOCALHOST else self.host

    @property
    def host_header(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        default = _DEFAULT_PORTS[self.scheme]
        return host if self.port == default else f"{host}:{self.port}"

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{self.scheme}://{host}:{self.port}{self.base_path}"

    def is_loopback(self) -> bool:
        if self.host == LOCALHOST:
            return _resolves_to_loopback_only(self.host, self.port)
        try:
            return ipaddress.ip_address(self.host).is_loopback
        except ValueError:
            return False


def parse_target(url: str) -> Target:
    """The target of a base URL, or `TargetError` (its message never repeats the URL's
    user info: the caller masks the key anyway, but a password should not travel either)."""
    if _AMBIGUOUS.search(url):
        raise TargetError(
            "--base-url must not contain backslashes, whitespace or control characters"
        )
    parts = urlsplit(url)
    if parts.scheme not in _DEFAULT_PORTS:
        raise TargetError(
            f"--base-url must be an http:// or https:// URL, not {parts.scheme or 'no'} scheme"
        )
    if "@" in parts.netloc:
        raise TargetError(
            "--base-url must not carry user info (user:password@); pass the key with --api-key"
        )
    if "%" in parts.netloc:
        raise TargetError("--base-url must not have percent-escapes in its host")
    if parts.query or parts.fragment or url.endswith(("?", "#")):
        raise TargetError("--base-url must not have a query or a fragment")
    try:
        port = _DEFAULT_PORTS[parts.scheme] if parts.port is None else parts.port
    except ValueError:
        raise TargetError("--base-url has an invalid port") from None
    if port == 0:
        raise TargetError("--base-url has port 0, which no server listens on")
    host = (parts.hostname or "").lower()
    if not host:
        raise TargetError("--base-url has no host")
    _check_agreement(url, parts.scheme, host, port)
    return Target(parts.scheme, host, port, parts.path.rstrip("/"))


def _check_agreement(url: str, scheme: str, host: str, port: int) -> None:
    """urllib3 must read the same scheme, host and port as `urlsplit`."""
    try:
        other = parse_url(url)
    except ValueError:
        raise TargetError("--base-url cannot be parsed the same way by every HTTP stack") from None
    other_host = (other.host or "").lower().strip("[]")
    other_port = other.port or _DEFAULT_PORTS.get(other.scheme or "", 0)
    if (other.scheme, other_host, other_port) != (scheme, host, port):
        raise TargetError(
            "--base-url is read differently by different HTTP stacks (refused: a request "
            "could go to another host than the one checked)"
        )


def _resolves_to_loopback_only(host: str, port: int) -> bool:
    try:
        addresses = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError:
        return False
    found = {info[4][0] for info in addresses}
    return bool(found) and all(
        ipaddress.ip_address(str(address).split("%")[0]).is_loopback for address in found
    )
