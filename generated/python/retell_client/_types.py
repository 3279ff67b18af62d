# generated from spec/openapi.yaml by `make generate`; do not edit
"""Type aliases shared by the models and the clients."""

from typing import Any

JsonObject = dict[str, Any]
"""An open JSON object (the spec's `type: object` without properties)."""
