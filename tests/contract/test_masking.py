"""The key is masked in text and replaced by `$RETELL_API_KEY` in reproduction commands."""

from __future__ import annotations

import json
import shlex
from urllib.parse import quote, quote_plus

import pytest

from contract_tests.findings import RequestRecord, curl_command
from contract_tests.masking import MASK, SHORT_KEY_CHARS, mask_secret, secret_forms

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


def test_json_escaped_and_url_encoded_forms_are_masked() -> None:
    key = 'sk/live+key "quoted" é_0123'
    forms = [
        json.dumps(key)[1:-1],
        json.dumps(key, ensure_ascii=False)[1:-1],
        json.dumps(key)[1:-1].replace("/", "\\/"),
        quote(key, safe=""),
        quote(key, safe="").lower(),
        quote(key),
        quote_plus(key),
    ]
    for form in forms:
        masked = mask_secret(f"before {form} after", key)
        assert masked == f"before {MASK} after", form
    echoed = json.dumps({"authorization": f"Bearer {key}"})
    assert json.loads(mask_secret(echoed, key)) == {"authorization": f"Bearer {MASK}"}


@pytest.mark.parametrize("key", ["ab", "a", "k3y", "*x", "***", "%2F", "+ +", "é"])
def test_short_keys_are_still_masked_and_masking_stays_correct(key: str) -> None:
    texts = [
        f"{key}",
        f"{key}{key}{key}",
        f"x{key}y{key[::-1]}z",
        f"Bearer {key} in about a tab of text",
        json.dumps({"k": key}),
        f"?key={quote(key, safe='')}",
    ]
    for text in texts:
        masked = mask_secret(text, key)
        for form in secret_forms(key):
            assert form not in masked, (text, masked)
        # text without the key is left alone; masking twice changes nothing more
        assert mask_secret(masked, key) == masked
    assert mask_secret("nothing here", "zq") == "nothing here"
    assert len(key) < SHORT_KEY_CHARS
