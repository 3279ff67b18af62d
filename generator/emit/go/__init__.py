"""Go emitter: `generated/go`, a Go module (package `retell`) on the standard library only."""

from generator.emit.go.emitter import emit

__all__ = ["emit"]
