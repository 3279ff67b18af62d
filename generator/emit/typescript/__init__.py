"""TypeScript emitter: `generated/typescript`, an ESM npm package with no runtime dependencies."""

from generator.emit.typescript.emitter import emit

__all__ = ["emit"]
