"""The Python emitter: IR -> generated/python, an installable package.

Every template under `templates/` is named after the file it produces: `package/<name>.jinja`
becomes `python/<package>/<name>`, any other `<name>.jinja` becomes `python/<name>`; templates
under `macros/` are only imported by others. Python files are then formatted by the pinned
ruff (see `format.py`).
"""

from __future__ import annotations

from generator.emit import FileSet
from generator.emit.python.format import format_python
from generator.emit.python.render import environment
from generator.emit.python.view import build_view
from generator.ir import Api

SUFFIX = ".jinja"
PACKAGE_DIR = "package/"
MACROS_DIR = "macros/"


def emit(api: Api) -> FileSet:
    view = build_view(api)
    env = environment()
    files = {
        _output(name, view.package): env.get_template(name).render(api=api, py=view)
        for name in template_names()
    }
    return format_python(files, view.package)


def template_names() -> list[str]:
    names = environment().list_templates(filter_func=lambda name: name.endswith(SUFFIX))
    return sorted(name for name in names if not name.startswith(MACROS_DIR))


def _output(template: str, package: str) -> str:
    name = template.removesuffix(SUFFIX)
    if name.startswith(PACKAGE_DIR):
        return f"python/{package}/{name.removeprefix(PACKAGE_DIR)}"
    return f"python/{name}"
