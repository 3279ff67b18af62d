"""The `--numbers FILE` of strict mode: the account's managed numbers and agents.

The file is JSON:

    {
      "numbers": {"+14157774444": "agent_abc"},   # managed number -> its agent id
      "agents": ["agent_abc", "agent_xyz"]        # agent ids (optional)
    }

The agents of the numbers are known agents too. No agent id may be blank; whether each
number keeps the spec's rules for number fields is checked by `create_app`, which has the IR.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = ["Numbers", "NumbersFileError", "load_numbers"]


class NumbersFileError(ValueError):
    """A numbers file that cannot be used; the message says where and why."""


@dataclass(frozen=True)
class Numbers:
    managed_numbers: dict[str, str]
    agent_ids: frozenset[str]


class _DuplicateKey(ValueError):
    pass


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """An object without repeated keys (json keeps the last one, silently dropping the rest)."""
    seen: dict[str, Any] = {}
    for key, value in pairs:
        if key in seen:
            raise _DuplicateKey(f"key {key[:40]!r} appears twice in one object")
        seen[key] = value
    return seen


def load_numbers(path: Path) -> Numbers:
    try:
        document = json.loads(path.read_text(encoding="utf-8"), object_pairs_hook=_unique_keys)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, _DuplicateKey) as exc:
        raise NumbersFileError(f"{path}: {exc}") from None
    if not isinstance(document, dict):
        raise NumbersFileError(f"{path}: expected a JSON object with 'numbers' and 'agents'")
    unknown = set(document) - {"numbers", "agents"}
    if unknown:
        raise NumbersFileError(f"{path}: unknown keys {sorted(unknown)}")
    numbers = document.get("numbers", {})
    agents = document.get("agents", [])
    if not isinstance(numbers, dict) or not all(isinstance(v, str) for v in numbers.values()):
        raise NumbersFileError(f"{path}: 'numbers' must map phone numbers to agent ids (strings)")
    if not isinstance(agents, list) or not all(isinstance(a, str) for a in agents):
        raise NumbersFileError(f"{path}: 'agents' must be a list of agent ids (strings)")
    for number, agent in numbers.items():
        if not agent.strip():
            raise NumbersFileError(f"{path}: numbers[{number[:40]!r}]: the agent id is empty")
    for index, agent in enumerate(agents):
        if not agent.strip():
            raise NumbersFileError(f"{path}: agents[{index}]: the agent id is empty")
    return Numbers(dict(numbers), frozenset(agents))
