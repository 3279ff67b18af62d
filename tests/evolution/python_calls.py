"""Make the calls of a plan (JSON on stdin) with the `retell_client` first on the import path,
and print their outcomes as JSON: the evolution test runs it with the package generated for
one stage of the spec (never the project's own, which it checks it did not import).

Plan: {"package": folder, "api_key": ..., "calls": [{"id", "base_url", "strict", "resource",
"method", "arguments"}]}. Outcome per call: {"id", "ok": true, "body", "types"} (`types`:
the Python type of each top-level attribute of the answer's model) or {"id", "error", "field",
"rule", "status"}.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import retell_client
from retell_client import APIResponseValidationError, APIStatusError, Retell, ValidationError


def outcome(plan: dict[str, Any], call: dict[str, Any]) -> dict[str, Any]:
    client = Retell(
        api_key=plan["api_key"],
        base_url=call["base_url"],
        max_retries=0,
        strict_response_validation=call["strict"],
    )
    method = getattr(getattr(client, call["resource"]), call["method"])
    try:
        answer = method(**call["arguments"])
    except (ValidationError, APIResponseValidationError) as error:
        kind = type(error).__name__
        return {"id": call["id"], "error": kind, "field": error.field, "rule": error.rule}
    except APIStatusError as error:
        return {"id": call["id"], "error": type(error).__name__, "status": error.status_code}
    finally:
        client.close()
    body = answer.to_dict()
    types = {name: type(getattr(answer, name)).__name__ for name in body}
    return {"id": call["id"], "ok": True, "body": body, "types": types}


def main() -> int:
    plan = json.load(sys.stdin)
    imported = Path(retell_client.__file__ or "").resolve().parent
    if imported != Path(plan["package"]).resolve():
        print(f"imported retell_client from {imported}, not {plan['package']}", file=sys.stderr)
        return 2
    results = [outcome(plan, call) for call in plan["calls"]]
    json.dump({"package": str(imported), "results": results}, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
