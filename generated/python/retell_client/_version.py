# generated from spec/openapi.yaml by `make generate`; do not edit
"""The package's name and version (the spec's `info.version`)."""

__title__ = "retell_client"
__version__ = "2.0.0"
