"""The key is masked in text and replaced by `$RETELL_API_KEY` in reproduction commands."""

from __future__ import annotations

import shlex

from contract_tests.findings import RequestRecord, curl_command
from contract_tests.masking import MASK, mask_secret

KEY = "sk_live_0123456789abcdef"


def test_every_occurrence_is_masked() -> None:
    assert mask_secret(f"a {KEY} b {KEY}", KEY) == f"a {MASK} b {MASK}"
    assert mask_secret("nothing to hide", "") == "nothing to hide"


def test_request_records_are_masked() -> None:
    record = RequestRecord.masked(
        "POST",
        f"http://127.0.0.1/x?k={KEY}",
        {"Authorization": f"Bearer {KEY}"},
        f'{{"k": "{KEY}"}}',
        KEY,
    )
    assert KEY not in repr(record)


def test_curl_command_references_the_environment_variable() -> None:
    body = '{"to_number": "+1 (415) it\'s"}'
    command = curl_command(
        "POST",
        "http://127.0.0.1:9/v2/create-phone-call",
        {"Authorization": f"Bearer {KEY}"},
        body,
        KEY,
    )
    assert KEY not in command
    words = shlex.split(command)
    assert "Authorization: Bearer $RETELL_API_KEY" in words
    assert body in words
