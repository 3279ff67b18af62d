"""Python emitter: `emit(api) -> FileSet` (generated/python, importing as retell_client).

`emit_light` (the templates) and `emit_heavy` (the models) split it for the pipeline; `warm`
imports what the heavy part needs ahead of time."""

from generator.emit.python.emitter import emit, emit_heavy, emit_light, warm

__all__ = ["emit", "emit_heavy", "emit_light", "warm"]
