"""Find the line of a JSON path in YAML text (used only to report errors)."""

from __future__ import annotations

from collections.abc import Sequence

import yaml


def line_of(text: str, path: Sequence[str]) -> int:
    """1-based line of the deepest node along `path` that exists (1 when nothing matches)."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return 1
    line = 1
    for part in path:
        child = _child(node, part)
        if child is None:
            break
        node, line = child
    return line


def _child(node: yaml.Node | None, part: str) -> tuple[yaml.Node, int] | None:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if str(key.value) == part:
                return value, key.start_mark.line + 1
    if isinstance(node, yaml.SequenceNode) and part.isdigit() and int(part) < len(node.value):
        item = node.value[int(part)]
        return item, item.start_mark.line + 1
    return None
