"""The Jinja environment every emitter renders with.

StrictUndefined (a name a template uses but the IR lacks is an error, not an empty string),
no autoescaping (the output is source code, and spec strings reach it only through each
language's literal-rendering filters), and whitespace control that keeps templates legible.
Compiled templates are cached on disk the way Python caches bytecode: keyed by the
template's source, so the cache changes speed only, never output.
"""

from __future__ import annotations

from pathlib import Path

import jinja2

__all__ = ["template_environment"]


def template_environment(templates: Path) -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates),
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # noqa: S701 - renders source code, not HTML
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        bytecode_cache=jinja2.FileSystemBytecodeCache(),
    )
