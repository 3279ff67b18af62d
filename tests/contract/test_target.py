"""The base URL is read one way only, and loopback means this machine (issue 8, part 1)."""

from __future__ import annotations

import pytest
from urllib3.util import parse_url

from contract_tests.target import TargetError, parse_target


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8080",
        "http://127.5.6.7/prefix/",
        "http://[::1]:9000",
        "http://localhost:9000",
        "HTTP://LOCALHOST:9000",
    ],
)
def test_loopback_targets(url: str) -> None:
    assert parse_target(url).is_loopback()


@pytest.mark.parametrize(
    "url",
    [
        # names are not addresses: only `localhost` itself is looked up (and checked)
        "http://localhost.:9000",
        "http://api.localhost:9000",
        "http://localhost.localdomain:9000",
        "http://ip6-localhost:9000",
        "http://127.0.0.1.example.com",
        "https://api.retellai.com",
        "http://10.0.0.1",
        "http://[2001:db8::1]",
    ],
)
def test_other_hosts_are_not_loopback(url: str) -> None:
    assert not parse_target(url).is_loopback()


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        # urlsplit reads host 127.0.0.1 here, urllib3 (requests, Schemathesis) api.retellai.com
        ("http://api.retellai.com\\@127.0.0.1:9000", "backslash"),
        ("http://api.retellai.com@127.0.0.1:9000", "user info"),
        ("http://sk_live_key:x@127.0.0.1:9000", "user info"),
        ("http://127.0.0.1:9000\n.evil", "control"),
        ("http://127.0.0.1 :9000", "whitespace"),
        ("http://127.0.0.1%2f@evil:9000", "user info"),
        ("http://%31%32%37.0.0.1:9000", "percent"),
        ("http://127.0.0.1:9000#frag", "fragment"),
        ("http://127.0.0.1:9000?x=1", "query"),
        ("ftp://127.0.0.1", "scheme"),
        ("127.0.0.1:9000", "scheme"),
        ("http://:9000", "host"),
        ("http://127.0.0.1:99999", "port"),
        ("http://127.0.0.1:0", "port 0"),  # once silently port 80
    ],
)
def test_urls_that_stacks_read_differently_are_refused(url: str, reason: str) -> None:
    with pytest.raises(TargetError) as raised:
        parse_target(url)
    message = str(raised.value)
    assert "\n" not in message
    assert "sk_live_key" not in message


def test_the_backslash_url_really_is_read_two_ways() -> None:
    """Why the rule exists: the two parsers disagree on this URL's host."""
    from urllib.parse import urlsplit

    url = "http://api.retellai.com\\@127.0.0.1:9000"
    assert urlsplit(url).hostname == "127.0.0.1"
    assert parse_url(url).host == "api.retellai.com"


def test_an_accepted_target_is_rebuilt_from_its_checked_parts() -> None:
    target = parse_target("http://LocalHost:9000/api/")
    assert (target.scheme, target.host, target.port, target.base_path) == (
        "http",
        "localhost",
        9000,
        "/api",
    )
    assert target.connect_host == "127.0.0.1"
    assert target.url == "http://localhost:9000/api"
    assert parse_target("https://example.com").host_header == "example.com"
    assert parse_target("http://[::1]:81").host_header == "[::1]:81"
