"""Python emitter: `emit(api) -> FileSet` (generated/python, importing as retell_client)."""

from generator.emit.python.emitter import emit

__all__ = ["emit"]
