"""The Go emitter: `emit(api)` checks the Go names once, then renders every template into
`go/<path>` (templates are named after the file they produce; partials start with "_")."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from generator.emit.go import naming, render
from generator.ir import Api

if TYPE_CHECKING:
    import jinja2

TEMPLATES = Path(__file__).resolve().parent / "templates"
SUFFIX = ".jinja"


@cache
def environment() -> jinja2.Environment:
    from generator.emit.templating import template_environment

    env = template_environment(TEMPLATES)
    env.filters.update(render.FILTERS)
    env.globals.update(render.GLOBALS)
    return env


def template_names() -> list[str]:
    names = environment().list_templates(filter_func=lambda name: name.endswith(SUFFIX))
    return sorted(name for name in names if not Path(name).name.startswith("_"))


def emit(api: Api) -> dict[str, str]:
    naming.check_names(api)
    env = environment()
    return {
        f"go/{name.removesuffix(SUFFIX)}": env.get_template(name).render(api=api)
        for name in template_names()
    }
