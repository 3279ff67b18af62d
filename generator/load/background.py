"""OpenAPI validation in the background, while the rest of the pipeline works."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from generator import parallel
from generator.load import Spec, SpecError, validation_error


@contextmanager
def validating(spec: Spec) -> Iterator[None]:
    """Validate `spec` while the body runs; a validation error wins over the body's errors
    (a spec the validator rejects can make later stages fail in less helpful ways)."""
    verdict = parallel.start(lambda: validation_error(spec) or "")
    try:
        yield
    except Exception:
        error = verdict()
        if error:
            raise SpecError(error) from None
        raise
    error = verdict()
    if error:
        raise SpecError(error)
