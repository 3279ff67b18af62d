"""The `--numbers FILE` of strict mode: the account's managed numbers and agents.

The file is JSON:

    {
      "numbers": {"+14157774444": "agent_abc"},   # managed number -> its agent id
      "agents": ["agent_abc", "agent_xyz"]        # agent ids (optional)
    }

The agents of the numbers are known agents too.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path


class NumbersFileError(ValueError):
    """A numbers file that cannot be used; the message says where and why."""


@dataclass(frozen=True)
class Numbers:
    managed_numbers: dict[str, str]
    agent_ids: frozenset[str]


def load_numbers(path: Path) -> Numbers:
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise NumbersFileError(f"{path}: {exc}") from None
    if not isinstance(document, dict):
        raise NumbersFileError(f"{path}: expected a JSON object with 'numbers' and 'agents'")
    numbers = document.get("numbers", {})
    agents = document.get("agents", [])
    if not isinstance(numbers, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in numbers.items()
    ):
        raise NumbersFileError(f"{path}: 'numbers' must map phone numbers to agent ids (strings)")
    if not isinstance(agents, list) or not all(isinstance(a, str) for a in agents):
        raise NumbersFileError(f"{path}: 'agents' must be a list of agent ids (strings)")
    unknown = set(document) - {"numbers", "agents"}
    if unknown:
        raise NumbersFileError(f"{path}: unknown keys {sorted(unknown)}")
    return Numbers(dict(numbers), frozenset(agents))
