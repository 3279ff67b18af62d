"""The retry-policy table every generated client's README carries, verbatim (the project's
cross-language client contract)."""

from __future__ import annotations

POLICY_TABLE = """\
| failure | operation `idempotent` | not idempotent (create calls), default | with `retry_unsafe` / `retryUnsafe` / `WithRetryUnsafe(true)` |
|---|---|---|---|
| connection failed before the request was sent (refused, DNS, connect timeout) | retry | retry | retry |
| 429 Too Many Requests | retry | retry | retry |
| 408, 409, 5xx | retry | no | retry |
| timeout or dropped connection after the request was sent | retry | no | retry |
| other 4xx, validation errors, too-large responses | no | no | no |
"""  # noqa: E501 - the table as the READMEs carry it, one line a row
