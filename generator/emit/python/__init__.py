"""Python emitter: `emit(api) -> FileSet` (generated/python: an installable package named after
the API's client, `retell_client`)."""

from generator.emit.python.emitter import emit

__all__ = ["emit"]
