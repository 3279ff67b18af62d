"""Conformance vectors derived from the IR (`generated/conformance/vectors.json`), read with the
hand-written ones in `conformance/` by every client's runner and the mock's. See
conformance/README.md for the format."""

from generator.emit.conformance.emitter import emit

__all__ = ["emit"]
